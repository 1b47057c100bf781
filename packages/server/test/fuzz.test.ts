/**
 * Property-based requests against every operation of the served OpenAPI document, with real
 * credentials and ids: bodies, query and path parameters, cursors, surrogates, huge numbers
 * and impossible dates, valid and not. No answer may be a 5xx, an error outside the one error
 * shape, or carry a stack trace.
 *
 * A fixed seed by default; `FUZZ_SEED=<n>` (or `FUZZ_SEED=random`) and `FUZZ_RUNS=<n>` to explore
 * locally; `FUZZ_REPORT=1` lists every failing request instead of stopping at the first.
 */
import { fc, it } from '@fast-check/vitest';
import { beforeAll, describe, expect } from 'vitest';
import { backends } from './backends.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp, createDeps, fileMailer } from '../src/index.js';
import { BrandClient, PUBLIC_URL, SECRET, call, type App, useApp } from './harness.js';
import { operationsOf, problemsOf, requests, send, type Fixture, type FuzzRequest, type Operation } from './fuzz-requests.js';
import type { Schema } from './fuzz-values.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 5_000);
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() : Number(process.env.FUZZ_SEED ?? 20261201);
const REPORT = process.env.FUZZ_REPORT === '1';

/** A brand with data: offers of each structure, enrollments with sales and payments, a webhook, emails. */
async function fixtureFor(brand: BrandClient, app: BrandClient['app']): Promise<Fixture> {
  const percent = await brand.createOffer();
  const tiered = await brand.createOffer({
    name: 'Tiers',
    commission: {
      type: 'tiered', basis: 'sales', period: 'month',
      tiers: [{ from: 0, commission: { type: 'percent', rateBps: 500 } }, { from: 100_000, commission: { type: 'flat', amount: 2_500 } }],
    },
  });
  const flat = await brand.createOffer({ name: 'Flat', commission: { type: 'flat', amount: 1_000 }, payoutMinimum: 5_000 });
  const maya = await brand.createMember();
  const theo = await brand.createMember({ name: 'Theo', email: 'theo@example.com' });
  const endpoints = [];
  for (const n of [1, 2, 3, 4]) endpoints.push(await brand.ok('POST', '/v1/webhook-endpoints', { url: `https://hooks.example/${n}`, events: ['*'] }, 201));
  const endpoint = endpoints[0];
  // the dashboard's own enrollment: read through its token, never among the ids brand calls change
  const own = await brand.enroll(percent.id, maya.id);
  const others = [await brand.enroll(tiered.id, theo.id), await brand.enroll(flat.id, maya.id)];
  // the hosted page's enrollment: its link opens the session, so brand calls do not rotate it
  const hostedEnrollment = await brand.enroll(tiered.id, maya.id);
  const conversions: string[] = [];
  for (const [i, enrollment] of [own, ...others, own].entries()) {
    const c = await brand.ok('POST', '/v1/conversions', { orderId: `FZ-${i}`, amount: 12_345 * (i + 1), enrollmentId: enrollment.id }, 201);
    conversions.push(c.id);
  }
  await brand.ok('PATCH', `/v1/conversions/${conversions[0]}`, { status: 'approved' }, 200);
  const payment = await brand.ok('POST', '/v1/payments', { enrollmentId: own.id, amount: 500, currency: 'USD', method: 'bank' }, 201);
  const key = await brand.ok('POST', '/v1/dashboard-keys', undefined, 201);
  await brand.ok('POST', `/v1/offers/${flat.id}/emails/members-message/send`, { subject: 'Hello {{member_name}}', body: 'News.' }, 202);
  const messages = (await brand.ok('GET', '/v1/emails/messages', undefined, 200)).data.map((m: { id: string }) => m.id);
  const deliveries = (await brand.ok('GET', `/v1/webhook-endpoints/${endpoint.id}/deliveries`, undefined, 200)).data.map((d: { id: string }) => d.id);
  const cursors = [
    (await brand.ok('GET', '/v1/conversions?limit=1', undefined, 200)).nextCursor,
    (await brand.ok('GET', '/v1/offers?limit=1', undefined, 200)).nextCursor,
    (await brand.ok('GET', '/v1/members?limit=1', undefined, 200)).nextCursor,
  ].filter(Boolean);
  const link = (e: { dashboardUrl: string }) => e.dashboardUrl.slice(`${PUBLIC_URL}/d/`.length);
  const slug = (e: { trackingUrl: string }) => e.trackingUrl.slice(`${PUBLIC_URL}/t/`.length);
  const hosted = await app.request(`/d/${link(hostedEnrollment)}`);
  const hostedSession = /affdash_session=([^;]+)/.exec(hosted.headers.get('set-cookie') ?? '')?.[1] ?? '';
  expect(hostedSession).not.toBe('');
  return {
    apiKey: brand.apiKey,
    dashboardToken: await brand.token(own.id),
    hostedSession,
    ids: {
      offers: [percent.id, tiered.id, flat.id],
      members: [maya.id, theo.id],
      enrollments: others.map((e) => e.id),
      conversions,
      payments: [payment.id],
      'dashboard-keys': [key.id],
      messages,
      'webhook-endpoints': endpoints.map((e) => e.id),
      'webhook-deliveries': deliveries,
      dashboard: [own.id, own.id, own.id, others[0]!.id],
      link: [...others, hostedEnrollment].map(link),
      slug: [own, ...others].map(slug),
    },
    promoCodes: [own, ...others, hostedEnrollment].map((e) => e.promoCode),
    cursors,
  };
}

describe.each(backends())('fuzzed requests on $name', (backend) => {
  const t = useApp(backend);
  let app: App;
  const state: { doc?: Schema; operations?: Operation[]; fixture?: Fixture; arbitrary?: fc.Arbitrary<FuzzRequest> } = {};
  const sent = { count: 0, byOperation: new Map<string, number>(), byStatus: new Map<number, number>(), failures: [] as string[] };

  beforeAll(async () => {
    // the rate limits off: a 429 after a few bad credentials would hide every route behind it
    // test sends go to .eml files: a real transport, so a 502 would be a real failure
    const mail = { mailer: fileMailer(await mkdtemp(path.join(tmpdir(), 'affdash-fuzz-'))), fromAddress: 'no-reply@affdash.test' };
    app = createApp(createDeps(t.db, { secret: SECRET, publicUrl: PUBLIC_URL, widgetFile: undefined, mail, rateLimits: { failedAuth: 0, hosted: 0, writes: 0 } }));
    const brand = await t.brand();
    state.fixture = await fixtureFor(new BrandClient(app, brand.brandId, brand.apiKey), app);
    const served = await call(app, 'GET', '/openapi.json');
    expect(served.status).toBe(200);
    state.doc = served.body as Schema;
    state.operations = operationsOf(state.doc);
    state.arbitrary = requests(state.doc, state.operations, state.fixture);
  });

  // built once the fixture exists: the operations and ids come from the running app
  const request = fc.constant(null).chain(() => state.arbitrary!);

  it.prop([request], { numRuns: RUNS, seed: SEED, endOnFailure: true })(
    `no 5xx, no error outside the error shape, no stack (seed ${SEED})`,
    async (req) => {
      const answer = await send(app, req);
      sent.count++;
      const template = state.operations!
        .filter((op) => op.method === req.method && new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]*')}(\\?|$)`).test(req.path))
        .sort((a, b) => a.path.split('{').length - b.path.split('{').length)[0];
      const name = template ? `${template.method} ${template.path}` : `${req.method} ?`;
      sent.byOperation.set(name, (sent.byOperation.get(name) ?? 0) + 1);
      sent.byStatus.set(answer.status, (sent.byStatus.get(answer.status) ?? 0) + 1);
      const problems = problemsOf(req, answer);
      if (!problems.length) return true;
      const where = `${req.method} ${req.path.slice(0, 300)} ${JSON.stringify(req.body ?? '').slice(0, 300)} → ${answer.status} ${('text' in answer ? answer.text : answer.error).slice(0, 300)}: ${problems.join(', ')}`;
      if (REPORT) {
        sent.failures.push(where);
        return true;
      }
      throw new Error(where);
    },
    Math.max(240_000, RUNS * 50),
  );

  it('reached every operation of the document', () => {
    if (REPORT) {
      const statuses = [...sent.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(', ');
      console.log(`${backend.name}: ${sent.count} requests (${statuses}), ${sent.failures.length} failing\n${sent.failures.join('\n')}`);
    }
    expect(sent.failures).toEqual([]);
    expect(sent.count).toBeGreaterThanOrEqual(RUNS);
    const missed = state.operations!.map((op) => `${op.method} ${op.path}`).filter((name) => !sent.byOperation.has(name));
    if (RUNS >= 1_000) expect(missed).toEqual([]);
  });
});
