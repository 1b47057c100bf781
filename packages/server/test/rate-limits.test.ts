import { describe, expect, it } from 'vitest';
import { createApiKey, createApp, createDeps, ensureBrand, loadConfig, type RateLimitSettings } from '../src/index.js';
import { DatabaseStore } from '../src/middleware/rate-limit/store.js';
import { backends, countQueries, useDatabase } from './backends.js';
import { call, expectError, PUBLIC_URL, SECRET, type Answer, type App } from './harness.js';

const strict: RateLimitSettings = { windowSeconds: 60, failedAuth: 3, hosted: 4, writes: 3, trustProxies: 1 };
const from = (address: string) => ({ 'x-forwarded-for': address });

function expectLimited(answer: Answer, limit: number) {
  expectError(answer, 429, 'rate_limited');
  const retryAfter = Number(answer.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(answer.headers.get('ratelimit-limit')).toBe(String(limit));
  expect(answer.headers.get('ratelimit-remaining')).toBe('0');
  expect(answer.headers.get('ratelimit-policy')).toBe(`${limit};w=60`);
}

describe.each(backends())('rate limits ($name)', (backend) => {
  const holder = useDatabase(backend);
  const appWith = (settings: Partial<RateLimitSettings>): App =>
    createApp(createDeps(holder.db, { secret: SECRET, publicUrl: PUBLIC_URL, widgetFile: undefined, rateLimits: settings }));
  let n = 0;
  /** An address of its own per test, so tests share no counter. */
  const address = () => `203.0.113.${++n}`;
  const brandKey = async () => createApiKey(holder.db, await ensureBrand(holder.db, { name: 'Limited' }), 'test');

  it('answers failed authentications past the limit with 429 rate_limited and its headers', async () => {
    const app = appWith(strict);
    const ip = address();
    for (const remaining of ['2', '1', '0']) {
      const answer = await call(app, 'GET', '/v1/offers', { auth: 'affdash_sk_wrong', headers: from(ip) });
      expectError(answer, 401, 'unauthorized');
      expect(answer.headers.get('ratelimit-remaining')).toBe(remaining);
    }
    expectLimited(await call(app, 'GET', '/v1/offers', { auth: 'affdash_sk_wrong', headers: from(ip) }), 3);
    // forged dashboard tokens and session cookies count as the same failures
    expectLimited(await call(app, 'GET', '/v1/dashboard/enrollments/enr_x', { auth: 'forged', headers: from(ip) }), 3);
    const cookie = await call(app, 'POST', '/d/token', { headers: { ...from(ip), cookie: 'affdash_session=forged' } });
    expectLimited(cookie, 3);
    // another address is not limited
    expectError(await call(app, 'GET', '/v1/offers', { auth: 'affdash_sk_wrong', headers: from(address()) }), 401, 'unauthorized');
  });

  it('does not count, nor refuse, requests with a valid key', async () => {
    const app = appWith(strict);
    const key = await brandKey();
    const ip = address();
    for (let i = 0; i < 5; i++) expect((await call(app, 'GET', '/v1/offers', { auth: key, headers: from(ip) })).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await call(app, 'GET', '/v1/offers', { auth: 'bad', headers: from(ip) })).status).toBe(401);
    expect((await call(app, 'GET', '/v1/offers', { auth: 'bad', headers: from(ip) })).status).toBe(429);
    const valid = await call(app, 'GET', '/v1/offers', { auth: key, headers: from(ip) });
    expect(valid.status).toBe(200);
    expect(valid.headers.get('ratelimit-limit')).toBeNull();
  });

  it('counts across two app instances on one database', async () => {
    const [a, b] = [appWith(strict), appWith(strict)];
    const ip = address();
    const page = (app: App) => call(app, 'GET', '/d/not-a-real-link', { headers: from(ip) });
    for (const app of [a, b, a, b]) expect((await page(app)).status).toBe(404);
    expectLimited(await page(a), 4);
    expectLimited(await page(b), 4);
    const key = await brandKey();
    const write = (app: App) => call(app, 'POST', '/v1/members', { auth: key, body: { name: 'Ada' } });
    for (const app of [a, b, a]) expect((await write(app)).status).toBe(201);
    expectLimited(await write(b), 3);
  });

  it('limits writes per API key, not reads, and not the brand’s other keys', async () => {
    const app = appWith({ ...strict, failedAuth: 0 });
    const brandId = await ensureBrand(holder.db, { name: 'Busy' });
    const [key, other] = [await createApiKey(holder.db, brandId, 'a'), await createApiKey(holder.db, brandId, 'b')];
    for (let i = 0; i < 3; i++) {
      const created = await call(app, 'POST', '/v1/members', { auth: key, body: { name: `M${i}` } });
      expect(created.status).toBe(201);
      expect(created.headers.get('ratelimit-remaining')).toBe(String(2 - i));
    }
    expectLimited(await call(app, 'POST', '/v1/members', { auth: key, body: { name: 'M4' } }), 3);
    // a write with an Idempotency-Key is counted and refused the same way
    const keyed = await call(app, 'POST', '/v1/members', { auth: key, body: { name: 'M4' }, headers: { 'idempotency-key': 'm4' } });
    expectLimited(keyed, 3);
    expect((await call(app, 'GET', '/v1/members', { auth: key })).status).toBe(200);
    expect((await call(app, 'POST', '/v1/members', { auth: other, body: { name: 'M5' } })).status).toBe(201);
  });

  it('under a high limit, two processes take hits a lease at a time and together never allow more than the limit', async () => {
    const { db: counted, queries } = countQueries(holder.db);
    const stores = [new DatabaseStore(counted, 'lease-test:'), new DatabaseStore(counted, 'lease-test:')];
    // a window of about 31 years: one that cannot end while the test runs (a minute one can)
    for (const store of stores) store.init({ windowMs: 1e12, limit: 1_000 });
    expect(stores[0]!.leaseSize).toBe(10);
    const key = `key-${address()}`;
    let allowed = 0;
    for (let hit = 0; hit < 1_200; hit++) {
      const { totalHits } = await stores[hit % 2]!.increment(key);
      if (totalHits <= 1_000) allowed++;
    }
    // every hit has a number of its own: at most one unused lease per process is lost to the count
    expect(allowed).toBeLessThanOrEqual(1_000);
    expect(allowed).toBeGreaterThanOrEqual(1_000 - 10);
    // one upsert per lease of ten, not one per hit (a sweep or two aside)
    expect(queries()).toBeLessThanOrEqual(1_200 / 10 + 4);
    // a low limit counts each hit in the database, exactly
    const exact = new DatabaseStore(holder.db, 'exact-test:');
    exact.init({ windowMs: 60_000, limit: 150 });
    expect(exact.leaseSize).toBe(1);
  });

  it('starts counting again in the next window', async () => {
    const app = appWith({ ...strict, windowSeconds: 1 });
    const ip = address();
    const page = () => call(app, 'GET', '/d/not-a-real-link', { headers: from(ip) });
    let answer: Answer;
    do answer = await page();
    while (answer.status !== 429);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await page()).status).toBe(404);
  });

  it('trusts X-Forwarded-For only as far as the proxies it is told of', async () => {
    const untrusting = appWith({ ...strict, trustProxies: 0 });
    // every request comes from the same peer, whatever it claims
    for (let i = 0; i < 4; i++) await call(untrusting, 'GET', '/d/x', { headers: from(address()) });
    expect((await call(untrusting, 'GET', '/d/x', { headers: from(address()) })).status).toBe(429);
    const trusting = appWith(strict);
    // behind one proxy the client's own entries on the left are ignored
    const ip = address();
    for (let i = 0; i < 4; i++) await call(trusting, 'GET', '/d/x', { headers: from(`198.51.100.${i}, ${ip}`) });
    expect((await call(trusting, 'GET', '/d/x', { headers: from(`192.0.2.9, ${ip}`) })).status).toBe(429);
  });
});

describe('rate-limit settings', () => {
  it('reads them from the environment and refuses unusable values', async () => {
    const env = { AFFDASH_SECRET: SECRET, AFFDASH_DATA_DIR: '/nonexistent-affdash' };
    const config = await loadConfig({ ...env, AFFDASH_RATE_LIMIT_FAILED_AUTH: '5', AFFDASH_TRUST_PROXIES: '2', AFFDASH_RATE_LIMIT_WRITES: '0' });
    expect(config.rateLimits).toEqual({ windowSeconds: 60, failedAuth: 5, hosted: 300, writes: 0, trustProxies: 2 });
    await expect(loadConfig({ ...env, AFFDASH_RATE_LIMIT_WINDOW: '0' })).rejects.toThrow('AFFDASH_RATE_LIMIT_WINDOW must be a whole number of seconds from 1');
    await expect(loadConfig({ ...env, AFFDASH_RATE_LIMIT_HOSTED: 'lots' })).rejects.toThrow('AFFDASH_RATE_LIMIT_HOSTED must be a whole number');
  });
});
