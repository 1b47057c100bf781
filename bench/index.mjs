// affdash benchmark: the widget's bundle size against its budget, and the throughput of the
// dashboard's first screen against the hello-world route of the same server, on PGlite and,
// when DATABASE_URL is set, on PostgreSQL. Run with `npm run bench` (builds first).
//
// Knobs (environment): BENCH_CONCURRENCY (16), BENCH_DURATION_MS (5000), BENCH_WARMUP_MS (1000),
// BENCH_BROWSER=0 to skip the widget's request count in Chromium, BENCH_WORKERS=0 to skip
// `serve --workers 2` against 1 (PostgreSQL), BENCH_START=0 to skip the warm `npm start`, DATABASE_URL.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { createApiKey, createDeps, ensureBrand, migrate, openPglite, openPostgres, serve } from '@affdash/server';
import { BRAND_BUDGET_GZIP_BYTES, bundleSize } from './bundle-size.mjs';
import { client, load } from './load.mjs';
import { seed } from './seed.mjs';
import { bytes, fixed, int, table } from './table.mjs';
import { widgetRequests } from './widget-requests.mjs';
import { hostedRequests } from './hosted-requests.mjs';
import { startTime } from './start-time.mjs';
import { workersRatio } from './workers.mjs';

/**
 * One client drives thousands of requests a second: the limits stay on (their cost is measured)
 * but out of reach. Behind one proxy: each request's X-Forwarded-For is a visitor of its own.
 */
const benchRateLimits = { failedAuth: 1e9, hosted: 1e9, writes: 1e9, trustProxies: 1 };

const started = performance.now();
const HARD_LIMIT_MS = 300_000;
setTimeout(() => {
  console.error(`bench: still running after ${HARD_LIMIT_MS / 1000} s, giving up`);
  process.exit(1);
}, HARD_LIMIT_MS).unref();

const env = (name, fallback) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const settings = {
  concurrency: env('BENCH_CONCURRENCY', 16),
  warmupMs: env('BENCH_WARMUP_MS', 1_000),
  durationMs: env('BENCH_DURATION_MS', 5_000),
  // The breakdown rows (what the first screen's cost is made of) run shorter.
  breakdownWarmupMs: 500,
  breakdownDurationMs: 2_000,
  // Measured time is cut into this many slices, alternating between the routes.
  rounds: 5,
  seed: { conversions: 200, payments: 3, clicks: 20 },
};
const root = fileURLToPath(new URL('..', import.meta.url));
const widgetFile = fileURLToPath(new URL('../packages/widget/dist/affdash-widget.js', import.meta.url));
const brandFile = fileURLToPath(new URL('../packages/widget/dist/affdash-brand.js', import.meta.url));
const log = (message) => process.stderr.write(`· ${message}\n`);

// ── 1. Widget bundle ────────────────────────────────────────────────────────────────────────
const bundle = await bundleSize(widgetFile).catch((error) => {
  if (error.code === 'ENOENT') {
    console.error(`bench: ${widgetFile} is missing: run \`npm run bench\` (it builds first) or \`npm run build\``);
    process.exit(1);
  }
  throw error;
});

const brandBundle = await bundleSize(brandFile, BRAND_BUDGET_GZIP_BYTES);

// ── 2. First screen vs hello world ──────────────────────────────────────────────────────────
const targets = [{ name: 'PGlite', open: async () => ({ db: await openPglite(), drop: async () => {} }) }];
if (process.env.DATABASE_URL) {
  const url = process.env.DATABASE_URL;
  targets.push({
    name: 'PostgreSQL',
    // A schema of its own, dropped afterwards: other users of the database see nothing.
    open: async () => {
      const schema = `affdash_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
      const admin = openPostgres(url);
      await admin.exec(`CREATE SCHEMA "${schema}"`);
      const db = openPostgres(url, { schema });
      return {
        db,
        schema,
        drop: async () => {
          await admin.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          await admin.close();
        },
      };
    },
  });
}

const runs = [];
let widget = { skipped: 'BENCH_BROWSER=0' };
let hosted = { skipped: 'BENCH_BROWSER=0' };
for (const target of targets) {
  log(`${target.name}: starting`);
  let t = performance.now();
  const { db, schema, drop } = await target.open();
  log(`${target.name}: open in ${Math.round(performance.now() - t)} ms`);
  let running;
  let built;
  try {
    await migrate(db);
    const brandId = await ensureBrand(db, { name: 'Bench Brand' });
    const apiKey = await createApiKey(db, brandId, 'bench');
    const secret = randomBytes(36).toString('base64url');
    const deps = createDeps(db, { secret, publicUrl: 'http://127.0.0.1', rateLimits: benchRateLimits });
    running = await serve(deps, { port: 0, host: '127.0.0.1' });
    deps.config.publicUrl = running.url;
    // the same server with kept first screens off, in the same process on the same database:
    // its first screens are built from the database on every request, as when the data changes
    const builtDeps = createDeps(db, { secret, publicUrl: running.url, rateLimits: benchRateLimits, firstScreenBodyBytes: 0 });
    built = await serve(builtDeps, { port: 0, host: '127.0.0.1' });

    t = performance.now();
    const seeded = await seed(running.url, apiKey, settings.seed);
    const seedMs = performance.now() - t;
    log(`${target.name}: seeded in ${Math.round(seedMs)} ms`);

    const firstScreenPath = `/v1/dashboard/enrollments/${seeded.enrollmentId}`;
    const auth = (token) => ({ authorization: `Bearer ${token}` });
    const check = await fetch(running.url + firstScreenPath, { headers: auth(seeded.token) });
    const body = await check.text();
    if (check.status !== 200) throw new Error(`first screen answered ${check.status}: ${body.slice(0, 300)}`);
    const dashboard = JSON.parse(body);
    const counted = settings.seed.conversions - seeded.rejected; // rejected ones do not count
    if (dashboard.totals.conversions !== counted) {
      throw new Error(`first screen counts ${dashboard.totals.conversions} conversions, expected ${counted}`);
    }

    if (process.env.BENCH_BROWSER !== '0' && runs.length === 0) {
      log('widget: loading it in Chromium');
      try {
        widget = await widgetRequests({ baseUrl: running.url, token: seeded.token });
      } catch (error) {
        widget = { skipped: `failed: ${error.message.split('\n')[0]}` };
      }
      log('hosted page: loading it in Chromium, then on Slow 3G');
      try {
        hosted = await hostedRequests({ dashboardUrl: seeded.dashboardUrl, promoCode: dashboard.enrollment.promoCode });
      } catch (error) {
        hosted = { skipped: `failed: ${error.message.split('\n')[0]}` };
      }
    }

    const etag = check.headers.get('etag');
    // the redirect's clicks go to an enrollment of their own: they would change the first screen's ETag
    const brandCall = async (path, body) => {
      const res = await fetch(running.url + path, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (res.status !== 201) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
      return res.json();
    };
    const visitorMember = await brandCall('/v1/members', { name: 'Bench Clicks', email: 'clicks@bench.example' });
    const clickEnrollment = await brandCall('/v1/enrollments', { offerId: seeded.offerId, memberId: visitorMember.id });
    const clickSlug = new URL(clickEnrollment.trackingUrl).pathname;
    const browser = 'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0';
    const main = { concurrency: settings.concurrency, warmupMs: settings.warmupMs, durationMs: settings.durationMs };
    const short = { concurrency: settings.concurrency, warmupMs: settings.breakdownWarmupMs, durationMs: settings.breakdownDurationMs };
    const scenarios = [
      { id: 'health', label: 'GET /health (hello world)', path: '/health', headers: {}, expect: 200, ...main },
      {
        id: 'firstScreen',
        label: 'GET /v1/dashboard/enrollments/:id, built each request',
        base: built.url,
        path: firstScreenPath,
        headers: auth(seeded.token),
        expect: 200,
        ...main,
      },
      {
        id: 'firstScreenKept',
        label: '  first screen, unchanged: the kept answer',
        path: firstScreenPath,
        headers: auth(seeded.token),
        expect: 200,
        ...short,
      },
      {
        id: 'tokenOnly',
        label: '  token check only (other id → 404)',
        path: '/v1/dashboard/enrollments/enr_notthisone',
        headers: auth(seeded.token),
        expect: 404,
        ...short,
      },
      {
        id: 'firstScreen304',
        label: '  first screen, If-None-Match current → 304',
        path: firstScreenPath,
        headers: { ...auth(seeded.token), 'if-none-match': etag },
        expect: 304,
        ...short,
      },
      {
        id: 'redirect',
        label: '  /t/:slug, a new visitor each request → 302',
        path: clickSlug,
        headers: { 'user-agent': browser },
        uniqueHeader: 'x-forwarded-for',
        expect: 302,
        ...short,
      },
      {
        id: 'firstScreenHs256',
        label: '  first screen built, brand HS256 token',
        base: built.url,
        path: firstScreenPath,
        headers: auth(seeded.hs256Token),
        expect: 200,
        ...short,
      },
    ];
    log(`${target.name}: measuring ${scenarios.length} routes, interleaved, ${scenarios.reduce((n, x) => n + x.warmupMs + x.durationMs, 0) / 1000} s`);
    const measured = await load({
      rounds: settings.rounds,
      targets: scenarios.map((x) => ({ url: (x.base ?? running.url) + x.path, headers: x.headers, uniqueHeader: x.uniqueHeader, expect: x.expect, concurrency: x.concurrency, warmupMs: x.warmupMs, durationMs: x.durationMs })),
    });
    const results = {};
    scenarios.forEach((x, i) => {
      const r = measured[i];
      const unexpected = r.requests - (r.statuses[x.expect] ?? 0) + r.errors;
      results[x.id] = { ...x, label: x.label.trim(), headers: undefined, expect: undefined, expectStatus: x.expect, unexpected, ...r };
      if (unexpected) log(`${target.name}: ${unexpected} unexpected answers on ${x.path}: ${JSON.stringify(r.statuses)} ${r.sampleBody}`);
    });
    runs.push({
      database: target.name,
      schema,
      seed: { ...settings.seed, ms: Math.round(seedMs) },
      firstScreenBytes: Buffer.byteLength(body),
      firstPageRows: { conversions: dashboard.conversions.data.length, payments: dashboard.payments.data.length },
      results,
      ratio: results.firstScreen.rps / results.health.rps,
    });
  } finally {
    await built?.close();
    await running?.close();
    await db.close();
    await drop();
  }
}

// ── 4. Workers, 5. npm start ────────────────────────────────────────────────────────────────
let workers = { skipped: process.env.DATABASE_URL ? 'BENCH_WORKERS=0' : 'set DATABASE_URL to include it' };
if (process.env.DATABASE_URL && process.env.BENCH_WORKERS !== '0') {
  log('workers: --workers 1 and 2 on PostgreSQL');
  try {
    workers = await workersRatio({
      databaseUrl: process.env.DATABASE_URL,
      concurrency: settings.concurrency,
      warmupMs: settings.warmupMs,
      durationMs: settings.durationMs,
      seedSettings: settings.seed,
    });
  } catch (error) {
    workers = { skipped: `failed: ${error.message.split('\n')[0]}` };
  }
}
let start = { skipped: 'BENCH_START=0' };
if (process.env.BENCH_START !== '0') {
  log('npm start: a cold start, then the warm one measured');
  try {
    start = await startTime();
  } catch (error) {
    start = { skipped: `failed: ${error.message.split('\n')[0]}` };
  }
}

// ── Report ──────────────────────────────────────────────────────────────────────────────────
const lines = [];
const out = (s = '') => lines.push(s);
out(`affdash benchmark — Node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model.trim() ?? '?'}), ${os.platform()} ${os.arch()}`);
out();
out(`1. Widget bundle: ${bundle.file.slice(root.length)}`);
out(
  table(
    ['', 'bytes', 'KB'],
    [
      ['raw (minified)', int(bundle.rawBytes), fixed(bundle.rawBytes / 1024, 1)],
      ['min+gzip (level 9)', int(bundle.gzipBytes), fixed(bundle.gzipBytes / 1024, 1)],
      ['min+brotli (q 11)', int(bundle.brotliBytes), fixed(bundle.brotliBytes / 1024, 1)],
    ],
  ),
);
for (const [i, b] of [bundle, brandBundle].entries()) {
  if (i === 1) {
    out(`   brand components (@affdash/widget/brand): ${b.file.slice(root.length)}`);
    out(
      table(
        ['', 'bytes', 'KB'],
        [
          ['raw (minified)', int(b.rawBytes), fixed(b.rawBytes / 1024, 1)],
          ['min+gzip (level 9)', int(b.gzipBytes), fixed(b.gzipBytes / 1024, 1)],
          ['min+brotli (q 11)', int(b.brotliBytes), fixed(b.brotliBytes / 1024, 1)],
        ],
      ),
    );
  }
  out(
    `   budget ${int(b.budgetGzipBytes)} B min+gzip: ${b.budgetMet ? 'MET' : 'NOT MET'} ` +
      `(${fixed((100 * b.gzipBytes) / b.budgetGzipBytes, 1)} % of budget, ` +
      `${b.budgetMet ? `${bytes(b.budgetGzipBytes - b.gzipBytes)} to spare` : `${bytes(b.gzipBytes - b.budgetGzipBytes)} over`})`,
  );
}
out();
out(
  `2. First screen vs hello world — same in-process server, loopback, keep-alive, ` +
    `${settings.concurrency} connections, ${settings.warmupMs / 1000} s warm-up + ${settings.durationMs / 1000} s measured ` +
    `(breakdown rows: ${settings.breakdownWarmupMs / 1000} s + ${settings.breakdownDurationMs / 1000} s), ` +
    `measured in ${settings.rounds} alternating slices per route; load client: ${client === 'wrk' ? 'wrk (1 thread)' : 'node:http in a worker thread (install wrk for a lighter one)'}`,
);
const s0 = settings.seed;
out(`   seed per database: 1 offer (10 %), 1 member, 1 enrollment, ${s0.conversions} conversions (3/5 approved, 1/5 rejected, 1/5 pending), ${s0.payments} payments, ${s0.clicks} clicks`);
const rows = [];
for (const run of runs) {
  const health = run.results.health;
  for (const r of Object.values(run.results)) {
    const msPerReq = 1000 / r.rps;
    rows.push([
      run.database,
      r.label.startsWith('first screen') || r.label.startsWith('token') || r.label.startsWith('/t/') ? `  ${r.label}` : r.label,
      int(r.rps),
      `${int(r.sliceRps.min)}–${int(r.sliceRps.max)}`,
      fixed(r.latencyMs.p50, 2),
      fixed(r.latencyMs.p99, 2),
      fixed(msPerReq, 3),
      r === health ? '' : `+${fixed(msPerReq - 1000 / health.rps, 3)}`,
      int(r.requests),
      int(r.unexpected),
    ]);
  }
}
out(table(['database', 'route', 'req/s', 'slices req/s', 'p50 ms', 'p99 ms', 'ms/req', 'vs health', 'requests', 'unexpected'], rows, [0, 1]));
out('   ms/req = 1000 ÷ req/s, the time per request at saturation (one server event loop; PGlite runs on it too);');
out('   "vs health" = ms/req above /health.');
out('   slices req/s = the slowest and fastest slice: a wide range means other load on the machine.');
out();
for (const run of runs) {
  const ratio = (id) => fixed(run.results[id].rps / run.results.health.rps, 3);
  out(
    `   ${run.database.padEnd(10)} ÷ hello world: first screen built each request ${ratio('firstScreen')} (target ≥ 0.1 on PostgreSQL), ` +
      `kept answer ${ratio('firstScreenKept')}, If-None-Match → 304 ${ratio('firstScreen304')} (≥ 0.6), token check alone ${ratio('tokenOnly')} (≥ 0.5), ` +
      `/t/:slug new visitors ${ratio('redirect')} (≥ 0.5)`,
  );
  out(
    `   ${run.database.padEnd(10)} ratio first screen ÷ hello world = ${fixed(run.ratio, 3)} ` +
      `(1 : ${fixed(1 / run.ratio, 1)}); first screen body ${bytes(run.firstScreenBytes)}, ` +
      `${run.firstPageRows.conversions} conversions + ${run.firstPageRows.payments} payments inline`,
  );
}
if (!process.env.DATABASE_URL) out('   PostgreSQL: skipped (set DATABASE_URL to include it)');
out();
if ('skipped' in widget) {
  out(`3. Widget requests before first meaningful paint: skipped (${widget.skipped})`);
} else {
  out(
    `3. Widget requests before first meaningful paint (headless Chromium, PGlite server): ` +
      `${widget.apiRequestsBeforePaint} API request${widget.apiRequestsBeforePaint === 1 ? '' : 's'} ` +
      `(${widget.apiPaths.join(', ').replace(/enr_[A-Za-z0-9]+/g, ':id')}); ` +
      `${widget.allRequestsBeforePaint} in all with the page and the script; painted at ${widget.paintMs} ms` +
      `${widget.rendered ? '' : ' (promo code NOT found in the rendered widget)'}`,
  );
}
if ('skipped' in hosted) {
  out(`   Hosted page: skipped (${hosted.skipped})`);
} else {
  out(
    `   Hosted page (a member's link, PGlite server): ${hosted.fast.apiRequestsBeforeNumbers} API requests before the ` +
      `numbers show (target 0), shown at ${hosted.fast.numbersAtMs} ms; on Slow 3G ${hosted.slow.apiRequestsBeforeNumbers} ` +
      `API requests, numbers at ${fixed(hosted.slow.numbersAtMs / 1000, 1)} s`,
  );
}
out();
out(
  'skipped' in workers
    ? `4. affdash serve --workers 2 ÷ --workers 1, first screen: skipped (${workers.skipped})`
    : `4. affdash serve --workers 2 ÷ --workers 1, first screen on PostgreSQL (${os.cpus().length} cores, shared with the ` +
        `load client and PostgreSQL): kept answer ${fixed(workers.ratio, 2)} (${int(workers.two)} ÷ ${int(workers.one)} req/s; ` +
        `target ≥ 1.6 on 2 cores); built each request ${fixed(workers.built.ratio, 2)} ` +
        `(${int(workers.built.two)} ÷ ${int(workers.built.one)} req/s)`,
);
out(
  'skipped' in start
    ? `5. npm start, warm: skipped (${start.skipped})`
    : `5. npm start, warm, to all ${start.urls} URLs answering: ${fixed(start.warmMs / 1000, 2)} s (target ≤ 3 s; cold ` +
        `${fixed(start.coldMs / 1000, 1)} s); the affdash process's resident memory once idle ${int(start.warmRssMb)} MB warm, ` +
        `${int(start.coldRssMb)} MB after seeding a new data folder (target < 300 MB); the example brand site's own ` +
        `process (Vite's dev server) ${int(start.siteRssMb)} MB`,
);
const totalS = (performance.now() - started) / 1000;
out();
out(`total ${fixed(totalS, 1)} s`);
console.log(lines.join('\n'));

const json = {
  generatedAt: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model.trim(),
  settings,
  bundle: { ...bundle, file: bundle.file.slice(root.length) },
  brandBundle: { ...brandBundle, file: brandBundle.file.slice(root.length) },
  firstScreen: runs.map((run) => ({
    ...run,
    results: Object.fromEntries(
      Object.entries(run.results).map(([k, r]) => [k, { ...r, sampleBody: undefined }]),
    ),
  })),
  widgetRequests: widget,
  hostedRequests: hosted,
  workers,
  start,
  totalSeconds: Number(totalS.toFixed(1)),
};
const resultsDir = new URL('./results/', import.meta.url);
await mkdir(resultsDir, { recursive: true });
await writeFile(new URL('latest.json', resultsDir), `${JSON.stringify(json, null, 2)}\n`);
console.log(`results: bench/results/latest.json`);
process.exit(0);
