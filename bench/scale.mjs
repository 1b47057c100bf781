// affdash scale benchmark (PostgreSQL only; skipped without DATABASE_URL):
//   1. first-screen p50 latency for an enrollment with a very large history divided by the same
//      for one with 1 000 conversions (goal ≤ 1.2): the first screen must not grow with history;
//   2. conversions/s recorded through the API's batch path (attribution, commission, totals and
//      daily rollup in one statement), answering ids only, divided by a raw batched INSERT of
//      the same rows (goal ≥ 0.5); and the same with every conversion in the answer.
// Rows are bulk-inserted with INSERT … SELECT generate_series into a schema of its own, the
// totals and daily rollups rebuilt from them, ANALYZEd; the schema is dropped at the end.
//
// Knobs: BENCH_BIG_CONVERSIONS (10 000 000; falls back to 2 000 000 when the projected insert
// time is over 10 minutes), BENCH_INGEST_CONVERSIONS (20 000 per path), BENCH_DURATION_MS (5000).
import { randomBytes } from 'node:crypto';
import pg from '@databases/pg';
import { createApiKey, createDeps, ensureBrand, migrate, openPostgres, serve } from '@affdash/server';
import { load } from './load.mjs';
import { fixed, int, table } from './table.mjs';

/** One client drives thousands of requests a second: the limits stay on (their cost is measured) but out of reach. */
const benchRateLimits = { failedAuth: 1e9, hosted: 1e9, writes: 1e9 };

const { sql } = pg;
const url = process.env.DATABASE_URL;
if (!url) {
  console.log('scale benchmark: skipped (set DATABASE_URL to a PostgreSQL database)');
  process.exit(0);
}
const env = (name, fallback) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
};
const BIG = env('BENCH_BIG_CONVERSIONS', 10_000_000);
const FALLBACK = 2_000_000;
const SMALL = 1_000;
const CHUNK = 500_000;
const INSERT_BUDGET_MS = 600_000;
const INGEST = env('BENCH_INGEST_CONVERSIONS', 20_000);
const WARMUP = 2;
const BATCH = 500;
const DURATION_MS = env('BENCH_DURATION_MS', 5_000);
const log = (message) => process.stderr.write(`· scale: ${message}\n`);
const started = performance.now();

const schema = `affdash_scale_${process.pid}_${randomBytes(4).toString('hex')}`;
const admin = openPostgres(url);
await admin.exec(`CREATE SCHEMA "${schema}"`);
const db = openPostgres(url, { schema });
let running;
const lines = [];
try {
  await migrate(db);
  const brandId = await ensureBrand(db, { name: 'Scale Brand' });
  const apiKey = await createApiKey(db, brandId, 'bench');
  // kept first screens off: every request builds its answer from the database, which is what is measured
  const deps = createDeps(db, {
    secret: randomBytes(36).toString('base64url'),
    publicUrl: 'http://127.0.0.1',
    rateLimits: benchRateLimits,
    firstScreenBodyBytes: 0,
  });
  running = await serve(deps, { port: 0, host: '127.0.0.1' });
  /** A call of the brand API with `key` (the scale brand's by default). */
  const api = async (method, path, body, key = apiKey) => {
    const res = await fetch(running.url + path, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text);
  };
  const commission = { type: 'percent', rateBps: 1_000 };
  const offer = await api('POST', '/v1/offers', {
    name: 'Scale', currency: 'USD', commission, holdDays: 30, destinationUrl: 'https://shop.example/scale',
  });
  const enroll = async (name) => {
    const member = await api('POST', '/v1/members', { name });
    return api('POST', '/v1/enrollments', { offerId: offer.id, memberId: member.id });
  };
  const [big, small, viaApi, viaRaw] = [await enroll('Big'), await enroll('Small'), await enroll('Api'), await enroll('Raw')];

  // ── bulk history ─────────────────────────────────────────────────────────────────────────
  const insertRange = (enrollmentId, prefix, from, to) => db.query(sql`
    INSERT INTO conversions (brand_id, id, enrollment_id, order_id, status, currency, sale_amount,
                             commission_amount, commission_terms, occurred_at, expected_approval_at, recorded_by)
    SELECT ${brandId}, ${`cnv_${prefix}`} || g, ${enrollmentId}, ${`${prefix}-`} || g,
           (ARRAY['approved', 'approved', 'approved', 'rejected', 'pending'])[g % 5 + 1],
           'USD', 1000 + g % 9000, (1000 + g % 9000) / 10, ${JSON.stringify(commission)}::jsonb,
           now() - (g % 63072000) * interval '1 second',
           now() - (g % 63072000) * interval '1 second' + interval '30 days', 'system:import'
    FROM generate_series(${from}::bigint, ${to}::bigint) AS g`);
  let t = performance.now();
  await insertRange(small.id, 'small', 1, SMALL);
  let bigCount = 0;
  let target = BIG;
  while (bigCount < target) {
    const next = Math.min(bigCount + CHUNK, target);
    await insertRange(big.id, 'big', bigCount + 1, next);
    bigCount = next;
    const elapsed = performance.now() - t;
    const projected = (elapsed / bigCount) * target;
    log(`${int(bigCount)} conversions in ${fixed(elapsed / 1000, 1)} s (projected ${fixed(projected / 1000, 0)} s for ${int(target)})`);
    if (target > FALLBACK && projected > INSERT_BUDGET_MS) {
      target = Math.max(FALLBACK, bigCount);
      log(`projected over ${INSERT_BUDGET_MS / 1000} s: using ${int(target)} conversions instead of ${int(BIG)}`);
    }
  }
  const insertMs = performance.now() - t;

  // ── totals and daily rollups rebuilt from the rows, as migration 004 does ───────────────
  t = performance.now();
  await db.query(sql`
    UPDATE enrollment_totals t SET
      conversions = s.conversions, sales = s.sales,
      commission_pending = s.pending, commission_approved = s.approved
    FROM (
      SELECT enrollment_id,
             count(*) FILTER (WHERE status IN ('pending', 'approved')) AS conversions,
             COALESCE(sum(sale_amount) FILTER (WHERE status IN ('pending', 'approved')), 0) AS sales,
             COALESCE(sum(commission_amount) FILTER (WHERE status = 'pending'), 0) AS pending,
             COALESCE(sum(commission_amount) FILTER (WHERE status = 'approved'), 0) AS approved
      FROM conversions WHERE brand_id = ${brandId} GROUP BY enrollment_id
    ) s
    WHERE t.brand_id = ${brandId} AND t.enrollment_id = s.enrollment_id`);
  await db.query(sql`
    INSERT INTO enrollment_daily (brand_id, enrollment_id, day, conversions, sales,
                                  commission_pending, commission_approved, commission_reversed)
    SELECT brand_id, enrollment_id, (occurred_at AT TIME ZONE 'UTC')::date,
           count(*) FILTER (WHERE status IN ('pending', 'approved')),
           COALESCE(sum(sale_amount) FILTER (WHERE status IN ('pending', 'approved')), 0),
           COALESCE(sum(commission_amount) FILTER (WHERE status = 'pending'), 0),
           COALESCE(sum(commission_amount) FILTER (WHERE status = 'approved'), 0),
           COALESCE(sum(commission_amount) FILTER (WHERE status = 'reversed'), 0)
    FROM conversions WHERE brand_id = ${brandId}
    GROUP BY brand_id, enrollment_id, (occurred_at AT TIME ZONE 'UTC')::date`);
  await db.exec('ANALYZE');
  const rollupMs = performance.now() - t;
  log(`totals and daily rollups rebuilt and analyzed in ${fixed(rollupMs / 1000, 1)} s`);

  // ── first screen: big history vs small ───────────────────────────────────────────────────
  const token = async (enrollmentId) => (await api('POST', '/v1/dashboard-tokens', { enrollmentId })).token;
  const screens = [
    { name: `${int(bigCount)} conversions`, enrollment: big, count: bigCount },
    { name: `${int(SMALL)} conversions`, enrollment: small, count: SMALL },
  ];
  for (const s of screens) {
    s.path = `/v1/dashboard/enrollments/${s.enrollment.id}`;
    s.headers = { authorization: `Bearer ${await token(s.enrollment.id)}` };
    const res = await fetch(running.url + s.path, { headers: s.headers });
    const body = await res.json();
    if (res.status !== 200) throw new Error(`first screen ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    s.totals = body.totals.conversions;
    // g % 5 = 2 is rejected: every number but those counts
    s.expected = s.count - Math.floor((s.count + 2) / 5);
  }
  log(`measuring the first screen, ${DURATION_MS / 1000} s each, interleaved`);
  const measured = await load({
    rounds: 5,
    targets: screens.map((s) => ({ url: running.url + s.path, headers: s.headers, concurrency: 4, warmupMs: 1_000, durationMs: DURATION_MS })),
  });
  screens.forEach((s, i) => (s.result = measured[i]));
  const ratio = screens[0].result.latencyMs.p50 / screens[1].result.latencyMs.p50;

  // ── ingest: API batch path vs raw batched INSERT of the same rows ───────────────────────
  // Three paths, each into an enrollment of its own: the batch endpoint answering each item
  // with its conversion, the same answering ids only (`Prefer: return=minimal`), and a raw
  // INSERT of the rows the API stores. They take turns batch by batch (in a rotating order),
  // so load from elsewhere on the machine hits them alike; the first WARMUP batches of each
  // are not counted.
  // the actor the API stores with each conversion it records
  const [{ actor }] = await db.query(sql`SELECT 'api_key:' || id AS actor FROM api_keys WHERE brand_id = ${brandId}`);
  const viaMinimal = await enroll('Minimal');
  // a brand of its own with a webhook endpoint subscribed to conversion.created (never called
  // here: every event and delivery is written, none is sent)
  const hooked = await (async () => {
    const id = await ensureBrand(db, { name: 'Scale Brand with webhooks' });
    const key = await createApiKey(db, id, 'bench');
    const call = (path, body) => api('POST', path, body, key);
    await call('/v1/webhook-endpoints', { url: 'https://hooks.example/affdash', events: ['conversion.created'] });
    const o = await call('/v1/offers', { name: 'Hooked', currency: 'USD', commission, holdDays: 30, destinationUrl: 'https://shop.example/hooked' });
    const m = await call('/v1/members', { name: 'Hooked' });
    const e = await call('/v1/enrollments', { offerId: o.id, memberId: m.id });
    return { key, enrollmentId: e.id };
  })();
  const batches = Math.ceil(INGEST / BATCH);
  const sale = (prefix, b, k) => ({ orderId: `${prefix}-${b}-${k}`, amount: 1_000 + ((b * BATCH + k) % 9_000) });
  const batchOf = (prefix, b) => Array.from({ length: BATCH }, (_, k) => sale(prefix, b, k));
  const viaBatch = (enrollmentId, prefix, headers, key = apiKey) => async (b) => {
    const items = batchOf(prefix, b).map((r) => ({ ...r, enrollmentId, occurredAt: new Date().toISOString() }));
    const res = await fetch(running.url + '/v1/conversions/batch', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ conversions: items }),
    });
    const out = await res.json();
    if (res.status !== 200) throw new Error(`batch → ${res.status}: ${JSON.stringify(out).slice(0, 300)}`);
    const failed = out.results.filter((r) => r.status !== 'created');
    if (failed.length) throw new Error(`batch: ${failed.length} not created: ${JSON.stringify(failed[0])}`);
  };
  const viaInsert = async (b) => {
    const part = batchOf('RAW', b);
    await db.query(sql`
      INSERT INTO conversions (brand_id, id, enrollment_id, order_id, status, currency, sale_amount,
                               commission_amount, commission_terms, occurred_at, expected_approval_at, recorded_by)
      SELECT ${brandId}, 'cnv_raw' || o, ${viaRaw.id}, o, 'pending', 'USD', a, a / 10,
             ${JSON.stringify(commission)}::jsonb, now(), now() + interval '30 days', ${actor}
      FROM unnest(${part.map((r) => r.orderId)}::text[], ${part.map((r) => r.amount)}::bigint[]) AS u(o, a)`);
  };
  const ingest = [
    { name: 'API: POST /v1/conversions/batch, each result with its conversion', run: viaBatch(viaApi.id, 'API', {}), ms: 0, times: [] },
    { name: 'API: the same, Prefer: return=minimal (ids only)', run: viaBatch(viaMinimal.id, 'MIN', { prefer: 'return=minimal' }), ms: 0, times: [] },
    { name: 'API: return=minimal, brand with a webhook endpoint', run: viaBatch(hooked.enrollmentId, 'HOOK', { prefer: 'return=minimal' }, hooked.key), ms: 0, times: [] },
    { name: 'raw batched INSERT … SELECT unnest', run: viaInsert, ms: 0, times: [] },
  ];
  log(`ingest: ${int(batches)} batches of ${BATCH} per path after ${WARMUP} warm-up batches, taking turns`);
  for (let b = 0; b < WARMUP + batches; b++) {
    for (let k = 0; k < ingest.length; k++) {
      const path = ingest[(b + k) % ingest.length];
      t = performance.now();
      await path.run(b);
      if (b >= WARMUP) {
        const ms = performance.now() - t;
        path.ms += ms;
        path.times.push(ms);
      }
    }
  }
  for (const path of ingest) {
    path.rate = ((batches * BATCH) / path.ms) * 1000;
    const sorted = [...path.times].sort((a, b) => a - b);
    path.p50 = sorted[sorted.length >> 1];
  }
  const [full, minimal, , raw] = ingest;
  const ingestRatio = minimal.rate / raw.rate;

  // ── report ───────────────────────────────────────────────────────────────────────────────
  const out = (s = '') => lines.push(s);
  out(`4. First screen at scale (PostgreSQL; schema ${schema}, dropped afterwards)`);
  out(`   history bulk-inserted: ${int(bigCount)} conversions${bigCount < BIG ? ` (asked for ${int(BIG)}; projected insert time over ${INSERT_BUDGET_MS / 1000} s, so ${int(bigCount)} were used)` : ''} ` +
    `in ${fixed(insertMs / 1000, 1)} s, + ${int(SMALL)} for the small enrollment; totals and daily rollups rebuilt + ANALYZE in ${fixed(rollupMs / 1000, 1)} s`);
  out(table(
    ['enrollment', 'totals.conversions', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'requests', 'non-200'],
    screens.map((s) => [
      s.name, `${int(s.totals)}${s.totals === s.expected ? '' : ` (expected ${int(s.expected)})`}`,
      int(s.result.rps), fixed(s.result.latencyMs.p50, 2), fixed(s.result.latencyMs.p90, 2), fixed(s.result.latencyMs.p99, 2),
      int(s.result.requests), int(s.result.requests - (s.result.statuses[200] ?? 0) + s.result.errors),
    ]),
    [0],
  ));
  out(`   p50 ratio ${int(bigCount)} ÷ ${int(SMALL)} conversions = ${fixed(ratio, 3)} (goal ≤ 1.2: ${ratio <= 1.2 ? 'MET' : 'NOT MET'}); 4 connections, 1 s warm-up + ${DURATION_MS / 1000} s`);
  out();
  out(`5. Ingest (PostgreSQL): ${int(batches * BATCH)} conversions per path in batches of ${BATCH}, one request / statement at a time, the paths taking turns`);
  out(table(['path', 'conversions/s', 'ms per batch', '÷ raw', 'p50 ms', 'p50 ÷ raw'], ingest.map((p) => [
    p.name, int(p.rate), fixed(p.ms / batches, 2), fixed(p.rate / raw.rate, 3), fixed(p.p50, 2), fixed(raw.p50 / p.p50, 3),
  ]), [0]));
  out(`   ratio API (return=minimal) ÷ raw = ${fixed(ingestRatio, 3)} (goal ≥ 0.5: ${ingestRatio >= 0.5 ? 'MET' : 'NOT MET'}); with each conversion in the answer ${fixed(full.rate / raw.rate, 3)}`);
  out('   the API path also authenticates, validates each item, attributes it, computes its commission and updates the totals and daily rollup, in one statement');
  out(`   scale total ${fixed((performance.now() - started) / 1000, 1)} s`);
} finally {
  await running?.close();
  await db.close();
  await admin.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.close();
}
console.log(lines.join('\n'));
process.exit(0);
