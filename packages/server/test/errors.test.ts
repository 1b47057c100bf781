import { ErrorBody } from '@affdash/core';
import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { type Answer, type BrandClient, call, expectError, useApp } from './harness.js';

describe.each(backends())('errors on $name', (backend) => {
  const t = useApp(backend);

  /** The documented body, a request id, and no stack. */
  function expectDocumented(answer: Answer, status: number, code: string) {
    expectError(answer, status, code);
    expect(ErrorBody.safeParse(answer.body).success).toBe(true);
    expect(answer.body.error.requestId).toMatch(/^req_/);
    expect(answer.headers.get('x-request-id')).toBe(answer.body.error.requestId);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
  }

  async function nothingWritten(brand: BrandClient, enrollmentId: string) {
    expect((await brand.ok('GET', '/v1/conversions', undefined, 200)).data).toEqual([]);
    const token = await brand.token(enrollmentId);
    const totals = (await t.dashboard(token, `/v1/dashboard/enrollments/${enrollmentId}`)).body.totals;
    expect({ conversions: totals.conversions, sales: totals.sales.amount, pending: totals.pending.amount })
      .toEqual({ conversions: 0, sales: 0, pending: 0 });
  }

  it('an unknown promo code is a 422 unknown_promo_code', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const answer = await brand.convert({ orderId: 'U-1', amount: 1_000, promoCode: 'NOSUCHCODE' });
    expectDocumented(answer, 422, 'unknown_promo_code');
    expect(answer.body.error.message).toContain('NOSUCHCODE');
    await nothingWritten(brand, enrollment.id);
  });

  it('negative, fractional, string and huge amounts are a 400 validation_failed naming the field', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    for (const amount of [-1, 10.5, 0.1, '1000', null, 2 ** 53, Number.MAX_VALUE]) {
      const answer = await brand.convert({ orderId: `V-${String(amount)}`, amount, promoCode: enrollment.promoCode });
      expectDocumented(answer, 400, 'validation_failed');
      expect(answer.body.error.details.issues.map((i: { path: string }) => i.path)).toContain('amount');
    }
    const both = await brand.convert({ orderId: 'V-both', amount: 1, promoCode: enrollment.promoCode, enrollmentId: enrollment.id });
    expectDocumented(both, 400, 'validation_failed');
    const neither = await brand.convert({ orderId: 'V-neither', amount: 1 });
    expectDocumented(neither, 400, 'validation_failed');
    expectDocumented(await brand.convert({ orderId: '', amount: 1, enrollmentId: enrollment.id }), 400, 'validation_failed');
    expectDocumented(
      await brand.convert({ orderId: 'V-date', amount: 1, enrollmentId: enrollment.id, occurredAt: 'yesterday' }),
      400,
      'validation_failed',
    );
    await nothingWritten(brand, enrollment.id);
  });

  it('malformed JSON is a 400 bad_request', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    for (const body of ['{"orderId": "M-1", "amount": ', 'not json', '']) {
      const answer = await call(t.app, 'POST', '/v1/conversions', { auth: brand.apiKey, body });
      expectDocumented(answer, 400, 'bad_request');
    }
    await nothingWritten(brand, enrollment.id);
  });

  it('JSON that is not an object is a 400, not a 500', async () => {
    const brand = await t.brand();
    for (const body of ['null', '[]', '42', '"text"']) {
      const answer = await call(t.app, 'POST', '/v1/offers', { auth: brand.apiKey, body });
      expect(answer.status, body).toBe(400);
      expect(['validation_failed', 'bad_request']).toContain(answer.body.error.code);
    }
  });

  it('a missing, malformed or unknown API key is a 401', async () => {
    await t.brand();
    expectDocumented(await call(t.app, 'GET', '/v1/offers'), 401, 'unauthorized');
    expectDocumented(
      await call(t.app, 'GET', '/v1/offers', { headers: { authorization: 'Basic dXNlcjpwYXNz' } }),
      401,
      'unauthorized',
    );
    expectDocumented(await call(t.app, 'GET', '/v1/offers', { auth: 'affdash_sk_unknown' }), 401, 'unauthorized');
    const before = await t.brand();
    expectDocumented(
      await call(t.app, 'POST', '/v1/offers', { auth: 'affdash_sk_unknown', body: { name: 'x' } }),
      401,
      'unauthorized',
    );
    expect((await before.ok('GET', '/v1/offers', undefined, 200)).data).toEqual([]);
  });

  it('an unknown route is a JSON 404', async () => {
    const brand = await t.brand();
    expectDocumented(await call(t.app, 'GET', '/v2/offers'), 404, 'not_found');
    expectDocumented(await call(t.app, 'GET', '/nope'), 404, 'not_found');
    expectDocumented(await brand.call('DELETE', '/v1/offers'), 404, 'not_found');
    expectDocumented(await brand.call('GET', '/v1/offers/off_missing'), 404, 'not_found');
  });

  it('a body over 1 MiB is a 413', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const body = JSON.stringify({
      orderId: 'BIG-1', amount: 1, enrollmentId: enrollment.id, metadata: { pad: 'x'.repeat(1024 * 1024) },
    });
    expectDocumented(await call(t.app, 'POST', '/v1/conversions', { auth: brand.apiKey, body }), 413, 'payload_too_large');
    const withLength = await call(t.app, 'POST', '/v1/conversions', {
      auth: brand.apiKey, body, headers: { 'content-length': String(Buffer.byteLength(body)) },
    });
    expectDocumented(withLength, 413, 'payload_too_large');
    await nothingWritten(brand, enrollment.id);
  });

  it('never answers a client mistake with a 500', async () => {
    const brand = await t.brand();
    const { offer, enrollment } = await brand.setup();
    const token = await brand.token(enrollment.id);
    const requests: [string, string, unknown?, string?][] = [
      ['GET', '/v1/offers?limit=abc'],
      ['GET', '/v1/offers?limit=-1'],
      ['GET', `/v1/offers?cursor=${Buffer.from('["not a date","x"]').toString('base64url')}`],
      ['GET', `/v1/offers?cursor=${Buffer.from('{}').toString('base64url')}`],
      ['GET', '/v1/conversions?status=paid'],
      ['GET', '/v1/conversions?enrollmentId=%00'],
      ['GET', `/v1/offers/${'x'.repeat(5_000)}`],
      ['GET', '/v1/offers/off_%00'],
      ['PATCH', '/v1/members/mem_%00', { name: 'B' }],
      ['GET', "/v1/offers/off_'; DROP TABLE offers;--"],
      ['PATCH', `/v1/offers/${offer.id}`, { name: null }],
      ['PATCH', `/v1/offers/${offer.id}`, { metadata: { k: 1 } }],
      ['POST', '/v1/members', { name: 'x'.repeat(201) }],
      ['POST', '/v1/members', { name: 'nul\u0000byte' }],
      ['POST', '/v1/members', { name: 'A', metadata: { k: 'nul\u0000byte' } }],
      ['POST', '/v1/conversions', { orderId: 'nul\u0000byte', amount: 1, enrollmentId: enrollment.id }],
      ['POST', '/v1/conversions', { orderId: 'Z', amount: 1, promoCode: 'NUL\u0000BYTE' }],
      ['POST', '/v1/members', { name: 'A', metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])) }],
      ['POST', '/v1/conversions', { orderId: 'Z', amount: 1, promoCode: 'x'.repeat(41) }],
      ['POST', '/v1/conversions', { orderId: 'Z', amount: 1, enrollmentId: 'not an id' }],
      ['POST', '/v1/conversions', { orderId: 'Z', amount: 1, enrollmentId: enrollment.id, occurredAt: '2026-13-45T99:99:99Z' }],
      ['POST', '/v1/conversions', { orderId: 'Z', amount: 1, enrollmentId: enrollment.id, currency: 'usd' }],
      ['PATCH', '/v1/conversions/cnv_missing', { status: 'approved' }],
      ['PATCH', '/v1/conversions/cnv_missing', { status: 'shipped' }],
      ['POST', '/v1/payments', { enrollmentId: enrollment.id, amount: 1, currency: 'USD', method: 'x', paidAt: 'soon' }],
      ['POST', '/v1/enrollments', { offerId: offer.id }],
      ['PATCH', `/v1/enrollments/${enrollment.id}`, { status: 'deleted' }],
      ['POST', '/v1/dashboard-tokens', { enrollmentId: enrollment.id, ttlSeconds: 'forever' }],
      ['DELETE', '/v1/dashboard-keys/dk_missing'],
      ['POST', '/v1/offers', { name: 'A', currency: 'USD', commission: { type: 'bogus' }, destinationUrl: 'https://a.example' }],
      ['GET', `/v1/dashboard/enrollments/${enrollment.id}/conversions?limit=1000`, undefined, token],
      ['GET', `/v1/dashboard/enrollments/${enrollment.id}/payments?cursor=zzz`, undefined, token],
      ['GET', `/v1/dashboard/enrollments/${enrollment.id}`, undefined, 'a.b.c'],
      ['GET', `/v1/dashboard/enrollments/${enrollment.id}`, undefined, `${token}x`],
      ['POST', `/v1/dashboard/enrollments/${enrollment.id}`, {}, token],
    ];
    for (const [method, path, body, auth] of requests) {
      const answer = await call(t.app, method, path, { auth: auth ?? brand.apiKey, body });
      const where = `${method} ${path.slice(0, 80)} → ${answer.status} ${answer.text.slice(0, 200)}`;
      expect(answer.status, where).toBeGreaterThanOrEqual(400);
      expect(answer.status, where).toBeLessThan(500);
      expect(answer.body?.error?.code, where).toEqual(expect.any(String));
      expect(answer.text, where).not.toMatch(/\n\s+at |node_modules|\.ts:\d+|SELECT |syntax error/);
    }
    expect((await brand.ok('GET', `/v1/offers/${offer.id}`, undefined, 200)).name).toBe('Summer Glow');
    await nothingWritten(brand, enrollment.id);
  });
});

describe('a write that lost a race in the database', () => {
  it('is a 409 conflict to send again, not a 500', async () => {
    const { Hono } = await import('hono');
    const { answerError } = await import('../src/http/errors.js');
    for (const code of ['40P01', '40001']) {
      const app = new Hono();
      app.onError(answerError);
      app.get('/write', () => {
        throw Object.assign(new Error('deadlock detected'), { code });
      });
      const answer = await call(app as never, 'GET', '/write');
      expect(answer.status, code).toBe(409);
      expect(answer.body.error.code, code).toBe('conflict');
      expect(answer.body.error.message, code).toMatch(/nothing was written/);
    }
  });
});
