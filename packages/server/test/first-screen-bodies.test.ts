import { describe, expect, it } from 'vitest';
import { createApp, createDeps, type Database } from '../src/index.js';
import { loadConfig } from '../src/config.js';
import { FirstScreenBodies, firstScreenText } from '../src/dashboard/first-screen-bodies.js';
import { firstScreen } from '../src/dashboard/first-screen.js';
import { backends } from './backends.js';
import { call, PUBLIC_URL, SECRET, untilLive, useApp, type App, type BrandClient } from './harness.js';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0';

describe('FirstScreenBodies', () => {
  const json = (n: number, at: string) => JSON.stringify({ n, pad: 'x'.repeat(100), generatedAt: at, messages: {} });
  const at = '2026-12-01T10:00:00.000Z';

  it('answers the kept text only at its version, with generatedAt of the answer', () => {
    const bodies = new FirstScreenBodies();
    bodies.put('a', 3, json(1, at), at);
    expect(bodies.get('a', 4)).toBeUndefined();
    const now = new Date('2026-12-01T10:05:00.000Z');
    expect(JSON.parse(bodies.get('a', 3, now)!)).toEqual(JSON.parse(json(1, now.toISOString())));
    expect(bodies.get('b', 3)).toBeUndefined();
  });

  it('keeps at most its bytes, dropping the least recently used first', () => {
    const size = json(1, at).length;
    const bodies = new FirstScreenBodies(size * 2);
    bodies.put('a', 1, json(1, at), at);
    bodies.put('b', 1, json(2, at), at);
    expect(bodies.get('a', 1)).toBeDefined(); // a is now the most recently used
    bodies.put('c', 1, json(3, at), at);
    expect(bodies.get('b', 1)).toBeUndefined();
    expect(bodies.get('a', 1)).toBeDefined();
    expect(bodies.get('c', 1)).toBeDefined();
    expect(bodies.bytes).toBe(size * 2);
    bodies.put('a', 2, json(4, at), at); // a new version replaces the old
    expect(bodies.bytes).toBe(size * 2);
    expect(bodies.get('a', 1)).toBeUndefined();
  });

  it('takes its size from AFFDASH_FIRST_SCREEN_CACHE_MB, and refuses a size it cannot use', async () => {
    const env = { AFFDASH_SECRET: SECRET };
    expect((await loadConfig(env)).firstScreenCacheMb).toBe(32);
    expect((await loadConfig({ ...env, AFFDASH_FIRST_SCREEN_CACHE_MB: '0' })).firstScreenCacheMb).toBe(0);
    for (const bad of ['-1', '1.5', 'lots', '4097']) {
      await expect(loadConfig({ ...env, AFFDASH_FIRST_SCREEN_CACHE_MB: bad }), bad).rejects.toThrow(/AFFDASH_FIRST_SCREEN_CACHE_MB must be/);
    }
  });

  it('keeps nothing with 0 bytes, or a text without the generatedAt it names', () => {
    const none = new FirstScreenBodies(0);
    none.put('a', 1, json(1, at), at);
    expect(none.get('a', 1)).toBeUndefined();
    const bodies = new FirstScreenBodies();
    bodies.put('a', 1, json(1, at), '2026-12-01T11:00:00.000Z');
    expect(bodies.get('a', 1)).toBeUndefined();
  });
});

describe.each(backends())('first screens kept in memory on $name', (backend) => {
  const t = useApp(backend);
  const first = (app: App, token: string, id: string, query = '') =>
    call(app, 'GET', `/v1/dashboard/enrollments/${id}${query}`, { auth: token });

  async function setup(brand: BrandClient) {
    const { enrollment } = await brand.setup();
    return { enrollment, token: await brand.token(enrollment.id) };
  }

  it('answers an unchanged first screen again without a query, the same but for generatedAt', async () => {
    const queries: string[] = [];
    const counted: Database = { ...t.db, query: (q) => (queries.push('query'), t.db.query(q)) };
    const deps = createDeps(counted, { secret: SECRET, publicUrl: PUBLIC_URL, widgetFile: undefined });
    const app = createApp(deps);
    await untilLive(deps);
    const brand = await t.brand();
    const { enrollment, token } = await setup(brand);
    const built = await first(app, token, enrollment.id);
    expect(built.status).toBe(200);
    queries.length = 0;
    const again = await first(app, token, enrollment.id);
    expect(queries).toEqual([]);
    expect(again.status).toBe(200);
    expect(again.headers.get('content-type')).toMatch(/^application\/json/);
    expect(again.headers.get('etag')).toBe(built.headers.get('etag'));
    expect({ ...again.body, generatedAt: null }).toEqual({ ...built.body, generatedAt: null });
    expect(Date.parse(again.body.generatedAt)).toBeGreaterThanOrEqual(Date.parse(built.body.generatedAt));
    // another language is another text
    const french = await first(app, token, enrollment.id, '?locale=fr');
    expect(french.body.messages).not.toEqual(built.body.messages);
    expect((await first(app, token, enrollment.id)).body.messages).toEqual(built.body.messages);
  });

  it('writes the text JSON.stringify writes, in every language', async () => {
    const brand = await t.brand();
    const { enrollment } = await setup(brand);
    await brand.ok('POST', '/v1/conversions', { orderId: 'T-1', amount: 2_000, enrollmentId: enrollment.id }, 201);
    for (const locale of [undefined, 'de-AT', 'pt', 'xx']) {
      const { dashboard } = await firstScreen(t.db, t.deps.links, { brandId: brand.brandId, enrollmentId: enrollment.id }, locale);
      expect(firstScreenText(dashboard), locale).toBe(JSON.stringify(dashboard));
    }
  });

  it('a write through another process changes the kept answer within a second', async () => {
    const other = t.other;
    await untilLive(t.deps);
    await untilLive(other.deps);
    const brand = await t.brand();
    const { enrollment, token } = await setup(brand);
    expect((await first(other.app, token, enrollment.id)).body.totals.conversions).toBe(0);
    expect((await first(other.app, token, enrollment.id)).body.totals.conversions).toBe(0);
    await brand.ok('POST', '/v1/conversions', { orderId: 'K-1', amount: 2_000, enrollmentId: enrollment.id }, 201);
    await expect
      .poll(async () => (await first(other.app, token, enrollment.id)).body.totals.conversions, { timeout: 1_000, interval: 10 })
      .toBe(1);
  });

  it("a click this process answered is on the member's next first screen", async () => {
    await untilLive(t.deps);
    const brand = await t.brand();
    const { enrollment, token } = await setup(brand);
    expect((await first(t.app, token, enrollment.id)).body.totals.clicks).toBe(0);
    const redirect = await t.app.request(enrollment.trackingUrl.slice(PUBLIC_URL.length), {
      headers: { 'user-agent': BROWSER, 'x-forwarded-for': '198.51.100.7' },
    });
    expect(redirect.status).toBe(302);
    expect((await first(t.app, token, enrollment.id)).body.totals.clicks).toBe(1);
  });

});
