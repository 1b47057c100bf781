import pg from '@databases/pg';
import { describe, expect, it } from 'vitest';
import type { RouteConfig } from '@hono/zod-openapi';
import { routeExtras } from '../src/openapi/document.js';
import { apiRoutes } from '../src/routes/index.js';
import { backends } from './backends.js';
import { PUBLIC_URL, call, expectError, read, useApp, type BrandClient } from './harness.js';

/** Every route as defined (`route()`): method, path, credential and the components a session needs. */
const routes = apiRoutes().openAPIRegistry.definitions.flatMap((d) =>
  d.type === 'route' ? [{ method: d.route.method, path: d.route.path, ...routeExtras(d.route as RouteConfig) }] : [],
);

const { sql } = pg;
const staff = { id: 'u_42', name: 'Rosa Admin', email: 'rosa@glow.example' };

describe.each(backends())('brand sessions on $name', (backend) => {
  const t = useApp(backend);

  async function session(brand: BrandClient, body: Record<string, unknown> = {}) {
    return brand.ok('POST', '/v1/brand-sessions', { staff, ...body }, 201);
  }

  it('mints a scoped, short-lived client secret that is stored only as a hash', async () => {
    const brand = await t.brand();
    const offer = await brand.createOffer();
    const created = await session(brand, { components: ['send'], offerIds: [offer.id], expiresIn: 120 });
    expect(created.clientSecret).toMatch(/^affdash_bs_[A-Za-z0-9_-]{32}$/);
    expect(created.loginUrl).toBeNull();
    expect(created).toMatchObject({ kind: 'client_secret', components: ['send'], offerIds: [offer.id], staff });
    const ttl = Date.parse(created.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(100_000);
    expect(ttl).toBeLessThanOrEqual(120_000);
    const stored = await t.db.query(sql`SELECT * FROM brand_sessions WHERE brand_id = ${brand.brandId}`);
    expect(JSON.stringify(stored)).not.toContain(created.clientSecret);
    const all = await session(brand);
    expect(all.components).toEqual(['offers', 'members', 'send']);
    expect(all.offerIds).toBeNull();
  });

  it('refuses bad input with 4xx', async () => {
    const brand = await t.brand();
    expectError(await brand.call('POST', '/v1/brand-sessions', {}), 400, 'validation_failed');
    expectError(await brand.call('POST', '/v1/brand-sessions', { staff, components: ['payments'] }), 400, 'validation_failed');
    expectError(await brand.call('POST', '/v1/brand-sessions', { staff, expiresIn: 7200 }), 400, 'validation_failed');
    expectError(await brand.call('POST', '/v1/brand-sessions', { staff: { ...staff, email: 'nope' } }), 400, 'validation_failed');
    const other = await (await t.brand('Other')).createOffer();
    const foreign = await brand.call('POST', '/v1/brand-sessions', { staff, offerIds: [other.id] });
    expectError(foreign, 404, 'not_found');
    expect(foreign.body.error.details).toEqual({ offerIds: [other.id] });
  });

  it('reaches only its offers; out of scope reads as absent', async () => {
    const brand = await t.brand();
    const mine = await brand.createOffer({ name: 'Mine' });
    const theirs = await brand.createOffer({ name: 'Not in scope' });
    const { clientSecret } = await session(brand, { offerIds: [mine.id] });
    const list = await call(t.app, 'GET', '/v1/offers', { auth: clientSecret });
    expect(list.status).toBe(200);
    expect(list.body.data.map((o: { id: string }) => o.id)).toEqual([mine.id]);
    expect((await call(t.app, 'GET', `/v1/offers/${mine.id}`, { auth: clientSecret })).status).toBe(200);
    expectError(await call(t.app, 'GET', `/v1/offers/${theirs.id}`, { auth: clientSecret }), 404, 'not_found');
    expectError(await call(t.app, 'GET', `/v1/offers/${theirs.id}/members`, { auth: clientSecret }), 404, 'not_found');
    expectError(
      await call(t.app, 'GET', `/v1/offers/${theirs.id}/emails/tracking-items/template`, { auth: clientSecret }),
      404,
      'not_found',
    );
  });

  it('route by route: API-key-only routes refuse a session; component routes need their component', async () => {
    const brand = await t.brand();
    const offer = await brand.createOffer();
    const full = (await session(brand)).clientSecret;
    const byComponent = {
      offers: (await session(brand, { components: ['offers'] })).clientSecret,
      members: (await session(brand, { components: ['members'] })).clientSecret,
      send: (await session(brand, { components: ['send'] })).clientSecret,
    };
    const apiKeyRoutes = routes.filter((r) => r.auth === 'apiKey');
    expect(apiKeyRoutes.filter((r) => r.session).length).toBeGreaterThanOrEqual(12);
    for (const route of apiKeyRoutes) {
      const path = route.path.replace('{offerId}', offer.id).replace(/\{[^}]+\}/g, 'xxx_1');
      const where = `${route.method} ${route.path}`;
      const body = route.method === 'get' || route.method === 'delete' ? undefined : {};
      // with and without an Idempotency-Key: the key's transaction authenticates first
      const keyed = body !== undefined ? [{}, { 'idempotency-key': `k-${route.path}` }] : [{}];
      for (const headers of keyed.slice(1)) {
        const answer = await call(t.app, route.method.toUpperCase(), path, { auth: full, body, headers });
        if (!route.session) expect({ where, keyed: true, status: answer.status }).toEqual({ where, keyed: true, status: 403 });
        else expect([401, 403], `${where} keyed`).not.toContain(answer.status);
      }
      if (!route.session) {
        const answer = await call(t.app, route.method.toUpperCase(), path, { auth: full, body });
        expect({ where, status: answer.status, code: answer.body?.error?.code }).toEqual({ where, status: 403, code: 'forbidden' });
        continue;
      }
      for (const [component, secret] of Object.entries(byComponent)) {
        const answer = await call(t.app, route.method.toUpperCase(), path, { auth: secret, body });
        if ((route.session as readonly string[]).includes(component)) {
          expect([401, 403], `${where} with ${component}`).not.toContain(answer.status);
        } else {
          expect({ where, component, status: answer.status }).toEqual({ where, component, status: 403 });
        }
      }
    }
  });

  it('an expired secret is token_expired, a revoked one unauthorized; revoking ends what it opened', async () => {
    const brand = await t.brand();
    const s = await session(brand, { expiresIn: 60 });
    await t.db.query(sql`UPDATE brand_sessions SET expires_at = now() - interval '1 second' WHERE brand_id = ${brand.brandId} AND id = ${s.id}`);
    expectError(await call(t.app, 'GET', '/v1/offers', { auth: s.clientSecret }), 401, 'token_expired');
    const live = await session(brand);
    expect((await call(t.app, 'GET', '/v1/offers', { auth: live.clientSecret })).status).toBe(200);
    const revoked = await brand.ok('DELETE', `/v1/brand-sessions/${live.id}`, undefined, 200);
    expect(revoked.revokedAt).not.toBeNull();
    expectError(await call(t.app, 'GET', '/v1/offers', { auth: live.clientSecret }), 401, 'unauthorized');
    expectError(await brand.call('DELETE', '/v1/brand-sessions/bss_nothere'), 404, 'not_found');
    const listed = await brand.ok('GET', '/v1/brand-sessions', undefined, 200);
    expect(listed.data.map((x: { id: string }) => x.id)).toEqual([live.id, s.id]);
  });

  it('records what a session does with its staff user; GET /v1/audit-events lists it', async () => {
    const brand = await t.brand();
    const offer = await brand.createOffer();
    const s = await session(brand, { components: ['members'] });
    const added = await call(t.app, 'POST', `/v1/offers/${offer.id}/members`, {
      auth: s.clientSecret,
      body: { members: [{ name: 'Ana', email: 'ana@example.com' }] },
    });
    expect(added.status).toBe(200);
    await call(t.app, 'GET', `/v1/offers/${offer.id}/members`, { auth: s.clientSecret });
    const audit = await brand.ok('GET', `/v1/audit-events?sessionId=${s.id}`, undefined, 200);
    expect(audit.data).toHaveLength(2);
    expect(audit.data[0]).toMatchObject({
      action: 'GET /v1/offers/{offerId}/members',
      actor: { type: 'brand_session', id: s.id },
      staff,
      status: 200,
      details: { read: true },
    });
    expect(audit.data[1]).toMatchObject({
      action: 'POST /v1/offers/{offerId}/members',
      actor: { type: 'brand_session', id: s.id },
      staff,
      path: `/v1/offers/${offer.id}/members`,
      status: 200,
    });
    const everything = await brand.ok('GET', '/v1/audit-events?staffId=u_42', undefined, 200);
    expect(everything.data.map((e: { action: string }) => e.action)).toEqual([
      'GET /v1/offers/{offerId}/members',
      'POST /v1/offers/{offerId}/members',
      'brand_session.created',
    ]);
    expectError(await call(t.app, 'GET', '/v1/audit-events', { auth: s.clientSecret }), 403, 'forbidden');
  });

  it('a console login link opens the console once, with a cookie, and leaves the address bar', async () => {
    const brand = await t.brand('Glow <Cosmetics>');
    const spring = await brand.createOffer({ name: 'Spring' });
    const summer = await brand.createOffer({ name: 'Summer' });
    await brand.createOffer({ name: 'Hidden' });
    const link = await session(brand, { return: 'login_url', offerIds: [spring.id, summer.id] });
    expect(link.clientSecret).toBeNull();
    expect(link.loginUrl).toMatch(new RegExp(`^${PUBLIC_URL}/console/login/affdash_bs_`));
    const path = new URL(link.loginUrl).pathname;

    const opened = await read(await t.app.request(path));
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/console');
    const setCookie = opened.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^affdash_console=affdash_bs_[^;]+; Max-Age=28800; Path=\/console; HttpOnly; SameSite=Lax/);
    const cookie = setCookie.split(';')[0]!;

    expect((await read(await t.app.request(path))).status).toBe(404); // once only

    const page = await read(await t.app.request('/console', { headers: { cookie } }));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Glow &lt;Cosmetics&gt;');
    expect(page.text).toContain('Rosa Admin');
    expect(page.text).toContain(`<affdash-offer-members offer="${summer.id}"`); // the newest offer in scope
    expect(page.text).toContain('/widget/affdash-brand.js');
    expect(page.text).not.toContain('Hidden');
    const chosen = await read(await t.app.request(`/console?offer=${spring.id}`, { headers: { cookie } }));
    expect(chosen.text).toContain(`<affdash-offer-members offer="${spring.id}"`);
    expect(page.headers.get('cache-control')).toBe('private, no-store');

    const minted = await read(await t.app.request('/console/client-secret', { method: 'POST', headers: { cookie } }));
    expect(minted.status).toBe(201);
    expect((await call(t.app, 'GET', '/v1/offers', { auth: minted.body.clientSecret })).status).toBe(200);
    const foreign = await read(
      await t.app.request('/console/client-secret', { method: 'POST', headers: { cookie, origin: 'https://evil.example' } }),
    );
    expect(foreign.status).toBe(403);

    const out = await read(await t.app.request('/console/sign-out', { method: 'POST', headers: { cookie } }));
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/^affdash_console=;/);
    expectError(await call(t.app, 'GET', '/v1/offers', { auth: minted.body.clientSecret }), 401, 'unauthorized');
    expect((await read(await t.app.request('/console', { headers: { cookie } }))).status).toBe(401);
    expect((await read(await t.app.request('/console/client-secret', { method: 'POST', headers: { cookie } }))).status).toBe(401);
    expect((await read(await t.app.request('/console'))).status).toBe(401);

    expect(page.text).toContain('<html lang="en"');
    expect(page.text).toContain('>Sign out</button>');

    const audit = await brand.ok('GET', '/v1/audit-events', undefined, 200);
    // the console page (opened twice) and the offers its client secret read: once each
    expect(audit.data.map((e: { action: string }) => e.action)).toEqual([
      'console.signed_out',
      'GET /v1/offers',
      'GET /console',
      'console.signed_in',
      'brand_session.login_link_created',
    ]);
  });

  it('the console speaks the browser’s language, or the one ?locale= picks, or the brand’s default', async () => {
    const brand = await t.brand();
    const paused = await brand.createOffer({ name: 'Herbst' });
    await brand.ok('PATCH', `/v1/offers/${paused.id}`, { status: 'paused' }, 200);
    const link = await session(brand, { return: 'login_url' });
    const opened = await read(await t.app.request(new URL(link.loginUrl).pathname));
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0]!;
    const open = async (path: string, headers: Record<string, string> = {}) =>
      read(await t.app.request(path, { headers: { cookie, ...headers } }));

    const german = await open('/console', { 'accept-language': 'de-AT,de;q=0.9,en;q=0.5' });
    expect(german.text).toContain('<html lang="de"');
    expect(german.text).toContain('>Abmelden</button>');
    expect(german.text).toContain('<h2>Angebote</h2>');
    expect(german.text).toContain('<span class="status">pausiert</span>');
    expect(german.text).toContain(`locale="de"`);
    expect(german.headers.get('vary')).toMatch(/accept-language/i);

    const french = await open(`/console?locale=fr&offer=${paused.id}`, { 'accept-language': 'de' });
    expect(french.text).toContain('<html lang="fr"');
    expect(french.text).toContain('>Se déconnecter</button>');
    // the choice stays from offer to offer
    expect(french.text).toContain(`/console?offer=${paused.id}&amp;locale=fr`);

    await brand.ok('PATCH', '/v1/brand/profile', { defaultLocale: 'es' }, 200);
    expect((await open('/console')).text).toContain('>Cerrar sesión</button>');

    const signedOut = await read(await t.app.request('/console', { headers: { 'accept-language': 'pt-BR' } }));
    expect(signedOut.status).toBe(401);
    expect(signedOut.text).toContain('<html lang="pt"');
    expect(signedOut.text).toContain('Entre no console');
    const used = await read(await t.app.request(new URL(link.loginUrl).pathname, { headers: { 'accept-language': 'de' } }));
    expect(used.status).toBe(404);
    expect(used.text).toContain('Dieser Anmeldelink kann nicht verwendet werden');
  });

  it("wears the brand's profile: its name, logo, accent, font and theme reach the page and its components", async () => {
    const brand = await t.brand('Glow');
    await brand.ok('PATCH', '/v1/brand/profile', {
      displayName: 'Glow & Co.',
      logoUrl: 'https://cdn.glow.example/logo.png',
      accentColor: '#0b6e4f',
      fontFamily: 'Inter, sans-serif',
      theme: 'dark',
    }, 200);
    const offer = await brand.createOffer();
    const link = await session(brand, { return: 'login_url' });
    const opened = await t.app.request(new URL(link.loginUrl).pathname);
    const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
    const page = await read(await t.app.request('/console', { headers: { cookie } }));
    expect(page.text).toContain('<title>Glow &amp; Co. · Console</title>');
    expect(page.text).toContain('<strong class="brand">Glow &amp; Co.</strong>');
    expect(page.text).toContain('<img src="https://cdn.glow.example/logo.png" alt="" width="32" height="32">');
    expect(page.text).toContain('--affdash-color-accent: #0b6e4f; --affdash-color-on-accent: #ffffff;');
    expect(page.text).toContain('--affdash-font-family: Inter, sans-serif, system-ui');
    expect(page.text).toContain('color-scheme: dark;');
    expect(page.text).toContain(`<affdash-offer-members offer="${offer.id}" api-base="" theme="dark" locale="en">`);
    // the console has its own bar: not the member's "Partner dashboard" one
    expect(page.text).not.toContain('Partner dashboard');
    expect(page.text).not.toContain('class="brand-bar"');
  });

  it("answers the components' cross-origin calls for the brand's allowed origins", async () => {
    const brand = await t.brand();
    const offer = await brand.createOffer();
    await brand.ok('PUT', '/v1/brand/allowed-origins', { origins: ['https://admin.glow.example'] }, 200);
    const { clientSecret } = await session(brand);
    const preflight = await t.app.request(`/v1/offers/${offer.id}/emails/tracking-items/send`, {
      method: 'OPTIONS',
      headers: { origin: 'https://admin.glow.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
    const get = (origin: string) =>
      t.app.request(`/v1/offers/${offer.id}/members`, { headers: { origin, authorization: `Bearer ${clientSecret}` } });
    expect((await get('https://admin.glow.example')).headers.get('access-control-allow-origin')).toBe('https://admin.glow.example');
    expect((await get('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('an expired login link does not sign in', async () => {
    const brand = await t.brand();
    const link = await session(brand, { return: 'login_url', expiresIn: 60 });
    await t.db.query(sql`UPDATE brand_sessions SET expires_at = now() - interval '1 second' WHERE brand_id = ${brand.brandId} AND id = ${link.id}`);
    const opened = await read(await t.app.request(new URL(link.loginUrl).pathname));
    expect(opened.status).toBe(404);
    expect(opened.headers.get('set-cookie')).toBeNull();
  });
});
