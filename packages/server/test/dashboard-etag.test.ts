import { describe, expect, it } from 'vitest';
import { createApp, createDeps, type Database } from '../src/index.js';
import { backends } from './backends.js';
import { call, PUBLIC_URL, SECRET, untilLive, useApp, type App, type BrandClient } from './harness.js';

describe.each(backends())('dashboard ETags on $name', (backend) => {
  const t = useApp(backend);
  const first = (app: App, token: string, id: string, headers: Record<string, string> = {}, query = '') =>
    call(app, 'GET', `/v1/dashboard/enrollments/${id}${query}`, { auth: token, headers });

  async function setup(brand: BrandClient) {
    const { offer, member, enrollment } = await brand.setup();
    const token = await brand.token(enrollment.id);
    return { offer, member, enrollment, token };
  }

  it('sends a strong ETag; If-None-Match with it is a 304 with no body; the locale changes it', async () => {
    await untilLive(t.deps);
    const brand = await t.brand();
    const { enrollment, token } = await setup(brand);
    const answer = await first(t.app, token, enrollment.id);
    expect(answer.status).toBe(200);
    const tag = answer.headers.get('etag')!;
    expect(tag).toMatch(/^"\d+-[A-Za-z0-9_-]+"$/);
    expect(answer.headers.get('cache-control')).toBe('private, no-cache');
    const again = await first(t.app, token, enrollment.id, { 'if-none-match': tag });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(tag);
    expect((await first(t.app, token, enrollment.id, { 'if-none-match': `"0-x", ${tag}` })).status).toBe(304);
    const french = await first(t.app, token, enrollment.id, { 'if-none-match': tag }, '?locale=fr');
    expect(french.status).toBe(200);
    expect(french.headers.get('etag')).not.toBe(tag);
    expect(french.body.messages).toBeDefined();
  });

  it('every write that changes the dashboard gives it a new version', async () => {
    await untilLive(t.deps);
    const brand = await t.brand();
    const { offer, member, enrollment, token } = await setup(brand);
    let tag = (await first(t.app, token, enrollment.id)).headers.get('etag')!;
    const writes: Array<[string, () => Promise<unknown>]> = [
      ['a conversion', () => brand.ok('POST', '/v1/conversions', { orderId: 'E-1', amount: 5_000, enrollmentId: enrollment.id }, 201)],
      ['a status change', async () => {
        const [c] = (await brand.ok('GET', `/v1/conversions?enrollmentId=${enrollment.id}`, undefined, 200)).data;
        return brand.ok('PATCH', `/v1/conversions/${c.id}`, { status: 'approved' }, 200);
      }],
      ['a payment', () => brand.ok('POST', '/v1/payments', { enrollmentId: enrollment.id, amount: 100, currency: 'USD', method: 'paypal' }, 201)],
      ['an offer change', () => brand.ok('PATCH', `/v1/offers/${offer.id}`, { description: 'New words' }, 200)],
      ["the member's name", () => brand.ok('PATCH', `/v1/members/${member.id}`, { name: 'Maya L.' }, 200)],
      ['the enrollment paused', () => brand.ok('PATCH', `/v1/enrollments/${enrollment.id}`, { status: 'paused' }, 200)],
      ['the dashboard link rotated', () => brand.ok('POST', `/v1/enrollments/${enrollment.id}/rotate-dashboard-link`, undefined, 200)],
    ];
    for (const [what, write] of writes) {
      await write();
      const answer = await first(t.app, token, enrollment.id, { 'if-none-match': tag });
      expect(answer.status, what).toBe(200);
      expect(answer.headers.get('etag'), what).not.toBe(tag);
      tag = answer.headers.get('etag')!;
      expect((await first(t.app, token, enrollment.id, { 'if-none-match': tag })).status, what).toBe(304);
    }
  });

  it('a current If-None-Match is answered from memory, without a query', async () => {
    const queries: string[] = [];
    const counted: Database = {
      ...t.db,
      query: (q) => {
        queries.push('query');
        return t.db.query(q);
      },
    };
    const deps = createDeps(counted, { secret: SECRET, publicUrl: PUBLIC_URL, widgetFile: undefined });
    const app = createApp(deps);
    await untilLive(deps);
    const brand = await t.brand();
    const { enrollment, token } = await setup(brand);
    const tag = (await first(app, token, enrollment.id)).headers.get('etag')!;
    queries.length = 0;
    expect((await first(app, token, enrollment.id, { 'if-none-match': tag })).status).toBe(304);
    expect(queries).toEqual([]);
  });

  it('the pages of conversions and payments are conditional too', async () => {
    await untilLive(t.deps);
    const brand = await t.brand();
    const { enrollment, token } = await setup(brand);
    for (const page of ['/conversions', '/payments']) {
      const path = `/v1/dashboard/enrollments/${enrollment.id}${page}`;
      const answer = await call(t.app, 'GET', path, { auth: token });
      const tag = answer.headers.get('etag')!;
      expect(tag, page).toBeTruthy();
      expect((await call(t.app, 'GET', path, { auth: token, headers: { 'if-none-match': tag } })).status, page).toBe(304);
      const other = await call(t.app, 'GET', `${path}?limit=5`, { auth: token, headers: { 'if-none-match': tag } });
      expect(other.status, page).toBe(200);
      await brand.ok('POST', '/v1/conversions', { orderId: `P${page.length}`, amount: 1_000, enrollmentId: enrollment.id }, 201);
      expect((await call(t.app, 'GET', path, { auth: token, headers: { 'if-none-match': tag } })).status, page).toBe(200);
    }
  });

  it('a write through one process ends the 304s of another within a second', async () => {
    const other = t.other;
    await untilLive(t.deps);
    await untilLive(other.deps);
    const brand = await t.brand();
    const { enrollment, token } = await setup(brand);
    const tag = (await first(other.app, token, enrollment.id)).headers.get('etag')!;
    expect((await first(other.app, token, enrollment.id, { 'if-none-match': tag })).status).toBe(304);
    await brand.ok('POST', '/v1/conversions', { orderId: 'X-1', amount: 2_000, enrollmentId: enrollment.id }, 201);
    await expect
      .poll(async () => (await first(other.app, token, enrollment.id, { 'if-none-match': tag })).status, {
        timeout: 1_000,
        interval: 10,
      })
      .toBe(200);
    const fresh = await first(other.app, token, enrollment.id);
    expect(fresh.body.totals.conversions).toBe(1);
  });
});
