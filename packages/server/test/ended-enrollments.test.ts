import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { call, expectError, PUBLIC_URL, read, untilLive, useApp, type BrandClient } from './harness.js';

/** The token the hosted page embeds for the widget. */
function embeddedToken(html: string): string {
  const match = /<script type="application\/json" id="affdash-token">(.*?)<\/script>/s.exec(html);
  expect(match, 'the page embeds a token').not.toBeNull();
  return JSON.parse(match![1]!).token;
}

/** Every read a member's dashboard makes, by path under the enrollment. */
const READS = ['', '/conversions', '/payments', '/series', '/conversions.csv', '/payments.csv', '/statements/2026-01', '/statements/2026-01.csv'];

describe.each(backends())('ended enrollments on $name', (backend) => {
  const t = useApp(backend);

  /** An enrollment with a conversion and a payment, then ended. */
  async function ended(brand: BrandClient) {
    const { enrollment } = await brand.setup();
    await brand.ok('POST', '/v1/conversions', { orderId: 'END-1', amount: 8_000, enrollmentId: enrollment.id }, 201);
    await brand.ok('POST', '/v1/payments', { enrollmentId: enrollment.id, amount: 400, currency: 'USD', method: 'paypal' }, 201);
    const token = await brand.token(enrollment.id);
    const before = Date.now();
    await brand.ok('PATCH', `/v1/enrollments/${enrollment.id}`, { status: 'ended' }, 200);
    return { enrollment, token, before, path: (enrollment.dashboardUrl as string).slice(PUBLIC_URL.length) };
  }

  const dashboard = (token: string, id: string, path = '', headers: Record<string, string> = {}) =>
    call(t.app, 'GET', `/v1/dashboard/enrollments/${id}${path}`, { auth: token, headers });

  it('by default an ended enrollment is closed: no token, no reads, a notice at its link', async () => {
    const brand = await t.brand();
    const { enrollment, token, path } = await ended(brand);
    expect((await brand.ok('GET', '/v1/brand/profile', undefined, 200)).endedEnrollmentAccess).toBe('closed');
    for (const p of READS) expectError(await dashboard(token, enrollment.id, p), 401, 'unauthorized');
    expectError(await brand.call('POST', '/v1/dashboard-tokens', { enrollmentId: enrollment.id }), 422, 'enrollment_inactive');
    const page = await read(await t.app.request(path));
    expect(page.status).toBe(410);
    expect(page.text).toContain('Your partnership has ended');
    expect(page.text).not.toContain('affdash-token');
  });

  it('with read_only, its member reads history, conversions, payments and statements, with when it ended', async () => {
    const brand = await t.brand();
    const { enrollment, token, before } = await ended(brand);
    const saved = await brand.ok('PATCH', '/v1/brand/profile', { endedEnrollmentAccess: 'read_only' }, 200);
    expect(saved.endedEnrollmentAccess).toBe('read_only');

    for (const p of READS) expect((await dashboard(token, enrollment.id, p)).status, p).toBe(200);
    const first = await dashboard(token, enrollment.id);
    expect(first.body.enrollment.status).toBe('ended');
    const endedAt = Date.parse(first.body.enrollment.endedAt);
    expect(endedAt).toBeGreaterThanOrEqual(before - 1_000);
    expect(endedAt).toBeLessThanOrEqual(Date.now() + 1_000);
    expect(first.body.totals.conversions).toBe(1);
    expect(first.body.payments.data).toHaveLength(1);
    expect(first.body.messages.words.endedOn).toContain('{0}');
    expect((await dashboard(token, enrollment.id, '/conversions')).body.data[0].orderRef).toBe('•••ND-1');

    // a fresh token for it (the brand's backend, or the hosted page) is minted too
    const fresh = await brand.ok('POST', '/v1/dashboard-tokens', { enrollmentId: enrollment.id }, 201);
    expect((await dashboard(fresh.token, enrollment.id)).status).toBe(200);
    // it still earns nothing: conversions on it are refused as before
    expectError(
      await brand.call('POST', '/v1/conversions', { orderId: 'END-2', amount: 1_000, enrollmentId: enrollment.id }),
      422,
      'enrollment_inactive',
    );
    // active again: no end date
    await brand.ok('PATCH', `/v1/enrollments/${enrollment.id}`, { status: 'active' }, 200);
    expect((await dashboard(token, enrollment.id)).body.enrollment).toMatchObject({ status: 'active', endedAt: null });
  });

  it('keeps the day it ended when it is changed again while ended', async () => {
    const brand = await t.brand();
    await brand.ok('PATCH', '/v1/brand/profile', { endedEnrollmentAccess: 'read_only' }, 200);
    const { enrollment, token } = await ended(brand);
    const endedAt = (await dashboard(token, enrollment.id)).body.enrollment.endedAt;
    await new Promise((r) => setTimeout(r, 20));
    await brand.ok('PATCH', `/v1/enrollments/${enrollment.id}`, { status: 'ended', promoCode: 'ENDED-KEPT' }, 200);
    const after = (await dashboard(token, enrollment.id)).body.enrollment;
    expect(after).toMatchObject({ promoCode: 'ENDED-KEPT', endedAt });
  });

  it('opens the hosted link read-only, refreshes its token, and closes it again when the brand says so', async () => {
    await untilLive(t.deps);
    const brand = await t.brand();
    await brand.ok('PATCH', '/v1/brand/profile', { endedEnrollmentAccess: 'read_only' }, 200);
    const { enrollment, path } = await ended(brand);
    const page = await read(await t.app.request(path));
    expect(page.status).toBe(200);
    expect(page.text).toContain('<affiliate-dashboard');
    // the first screen inline says it ended, and when
    expect(page.text).toMatch(/"status":"ended","endedAt":"\d{4}-\d\d-\d\dT/);
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
    const session = await read(await t.app.request('/d/', { headers: { cookie } }));
    expect(session.status).toBe(200);
    const refreshed = await read(await t.app.request('/d/token', { method: 'POST', headers: { cookie } }));
    expect(refreshed.status).toBe(201);

    const token = embeddedToken(page.text);
    const answer = await dashboard(token, enrollment.id);
    expect(answer.status).toBe(200);
    const tag = answer.headers.get('etag')!;
    expect((await dashboard(token, enrollment.id, '', { 'if-none-match': tag })).status).toBe(304);

    // closed again: the same token is refused at once, even with the ETag it held
    await brand.ok('PATCH', '/v1/brand/profile', { endedEnrollmentAccess: 'closed' }, 200);
    expectError(await dashboard(token, enrollment.id, '', { 'if-none-match': tag }), 401, 'unauthorized');
    expect((await t.app.request(path)).status).toBe(410);
    expect((await t.app.request('/d/token', { method: 'POST', headers: { cookie } })).status).toBe(401);
  });
});
