import pg from '@databases/pg';
import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { PUBLIC_URL, expectError, read, useApp } from './harness.js';

const { sql } = pg;

const SHOP = 'https://shop.example';
const OTHER = 'https://evil.example';

describe.each(backends())('embedding rules on $name', (backend) => {
  const t = useApp(backend);

  async function setup() {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const token = await brand.token(enrollment.id);
    const path = `/v1/dashboard/enrollments/${enrollment.id}`;
    const get = (origin?: string, auth = token) =>
      t.dashboard(auth, path, { headers: origin ? { origin } : {} });
    return { brand, enrollment, token, path, get };
  }

  it('stores, normalizes and validates the allowed origins', async () => {
    const { brand } = await setup();
    expect(await brand.ok('GET', '/v1/brand/allowed-origins', undefined, 200)).toEqual({ origins: [] });
    const saved = await brand.ok('PUT', '/v1/brand/allowed-origins', {
      origins: ['https://Shop.Example/', 'http://localhost:5173', 'http://127.0.0.1:8080', 'https://shop.example:443'],
    }, 200);
    expect(saved.origins).toEqual(['http://127.0.0.1:8080', 'http://localhost:5173', 'https://shop.example']);
    expect(await brand.ok('GET', '/v1/brand/allowed-origins', undefined, 200)).toEqual(saved);

    for (const bad of ['http://shop.example', 'https://shop.example/path', 'ftp://shop.example', 'shop.example',
      'https://user:pw@shop.example', 'https://shop.example?x=1', '*', 'https://*', 'https://*.shop.example',
      'https://shop.example;sandbox', "https://shop.example'", 'https://shop.example,https://evil.example',
      'https://shop_x.example', 'https://shop.example.', 'https://[::1]', 'https://-shop.example']) {
      expectError(await brand.call('PUT', '/v1/brand/allowed-origins', { origins: [bad] }), 400, 'validation_failed');
    }
    const many = Array.from({ length: 51 }, (_, i) => `https://s${i}.example`);
    expectError(await brand.call('PUT', '/v1/brand/allowed-origins', { origins: many }), 400, 'validation_failed');
    expectError(await brand.call('PUT', '/v1/brand/allowed-origins', {}), 400, 'validation_failed');
    expectError(await t.dashboard('nope', '/v1/brand/allowed-origins'), 401, 'unauthorized');
    // one brand's list is its own
    const other = await t.brand('Other');
    expect(await other.ok('GET', '/v1/brand/allowed-origins', undefined, 200)).toEqual({ origins: [] });
  });

  it('with none listed, any origin may read the dashboard', async () => {
    const { get } = await setup();
    const answer = await get(OTHER);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('with origins listed, only they get CORS answers; preflights are answered for any origin', async () => {
    const { brand, get, path } = await setup();
    await brand.ok('PUT', '/v1/brand/allowed-origins', { origins: [SHOP] }, 200);

    const allowed = await get(SHOP);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(allowed.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    expect(allowed.headers.get('vary')).toContain('Origin');

    const refused = await get(OTHER);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('vary')).toContain('Origin');

    for (const origin of [SHOP, OTHER]) {
      const preflight = await t.app.request(path, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/i);
      expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
    }

    // a bad token's 401 stays readable, so a widget can ask for a new one
    const unauthorized = await get(OTHER, 'not-a-token');
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('a PUT takes effect at once in this process', async () => {
    const { brand, get } = await setup();
    await brand.ok('PUT', '/v1/brand/allowed-origins', { origins: [SHOP] }, 200);
    expect((await get(OTHER)).headers.get('access-control-allow-origin')).toBeNull();
    await brand.ok('PUT', '/v1/brand/allowed-origins', { origins: [SHOP, OTHER] }, 200);
    expect((await get(OTHER)).headers.get('access-control-allow-origin')).toBe(OTHER);
    await brand.ok('PUT', '/v1/brand/allowed-origins', { origins: [] }, 200);
    expect((await get(OTHER)).headers.get('access-control-allow-origin')).toBe('*');
  });

  it('the hosted page may be framed by the allowed origins only, by any with none listed', async () => {
    const { brand, enrollment } = await setup();
    const path = enrollment.dashboardUrl.slice(PUBLIC_URL.length);
    const csp = async () => (await read(await t.app.request(path))).headers.get('content-security-policy') ?? '';
    expect(await csp()).toContain('frame-ancestors *;');
    await brand.ok('PUT', '/v1/brand/allowed-origins', { origins: [SHOP, 'http://localhost:5173'] }, 200);
    expect(await csp()).toContain(`frame-ancestors 'self' http://localhost:5173 ${SHOP};`);
  });

  it('an entry stored before the rules were strict reaches neither header, and the restriction stays', async () => {
    const { brand, enrollment, get } = await setup();
    for (const origin of ['https://*', 'https://shop.example;sandbox']) {
      await t.db.query(sql`INSERT INTO brand_allowed_origins (brand_id, origin) VALUES (${brand.brandId}, ${origin})`);
    }
    const path = enrollment.dashboardUrl.slice(PUBLIC_URL.length);
    const csp = (await read(await t.app.request(path))).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'self';");
    expect(csp).not.toMatch(/sandbox|\*/);
    for (const origin of [OTHER, SHOP]) expect((await get(origin)).headers.get('access-control-allow-origin')).toBeNull();
    expect(await brand.ok('GET', '/v1/brand/allowed-origins', undefined, 200)).toEqual({ origins: [] });
  });

  it('decides CORS for error answers too: another enrollment, an unknown path', async () => {
    const { brand, token } = await setup();
    const { enrollment: other } = await brand.setup({}, { name: 'Ben', email: 'ben@example.com' });
    const elsewhere = `/v1/dashboard/enrollments/${other.id}`;
    const ask = (path: string, origin: string) => t.dashboard(token, path, { headers: { origin } });

    // none listed: every answer is readable anywhere
    expect((await ask(elsewhere, OTHER)).headers.get('access-control-allow-origin')).toBe('*');

    await brand.ok('PUT', '/v1/brand/allowed-origins', { origins: [SHOP] }, 200);
    for (const path of [elsewhere, `${elsewhere}/payments`, '/v1/dashboard/no-such-thing']) {
      const refused = await ask(path, OTHER);
      expectError(refused, 404, 'not_found');
      expect({ path, allow: refused.headers.get('access-control-allow-origin') }).toEqual({ path, allow: null });
      expect(refused.headers.get('vary')).toContain('Origin');
      const allowed = await ask(path, SHOP);
      expect(allowed.status).toBe(404);
      expect({ path, allow: allowed.headers.get('access-control-allow-origin') }).toEqual({ path, allow: SHOP });
    }
  });
});
