import { MAX_AMOUNT, MAX_TOTAL } from '@affdash/core';
import pg from '@databases/pg';
import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { type Answer, type BrandClient, call, expectError, useApp } from './harness.js';

const { sql } = pg;
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A 400 `validation_failed` whose issues name `path`. */
function expectInvalid(answer: Answer, path: string) {
  expectError(answer, 400, 'validation_failed');
  const paths: string[] = answer.body.error.details.issues.map((i: { path: string }) => i.path);
  expect(paths.some((p) => p === path || p.startsWith(`${path}.`)), answer.text).toBe(true);
}

describe.each(backends())('dates, cursors, text and amounts on $name', (backend) => {
  const t = useApp(backend);

  /** An enrollment with a conversion and a payment, its dashboard token, and every list path. */
  async function withData(brand: BrandClient) {
    const { offer, member, enrollment } = await brand.setup();
    await brand.ok('POST', '/v1/conversions', { orderId: 'L-1', amount: 1_000, enrollmentId: enrollment.id }, 201);
    await brand.ok('POST', '/v1/payments', { enrollmentId: enrollment.id, amount: 50, currency: 'USD', method: 'bank' }, 201);
    const token = await brand.token(enrollment.id);
    const dash = `/v1/dashboard/enrollments/${enrollment.id}`;
    return { offer, member, enrollment, token, dash };
  }

  it('a crafted cursor is a 400 naming cursor on every list endpoint, before any SQL', async () => {
    const brand = await t.brand();
    const { token, dash } = await withData(brand);
    const endpoint = await brand.ok('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/a', events: ['*'] }, 201);
    const brandLists = [`/v1/webhook-endpoints/${endpoint.id}/deliveries`, '/v1/offers', '/v1/members', '/v1/enrollments', '/v1/conversions', '/v1/payments', '/v1/emails/messages', '/v1/webhook-endpoints'];
    const cursors = [
      cursorOf(['1', 'x']),
      cursorOf(['2026-02-30T00:00:00.000Z', 'cnv_1']),
      cursorOf(['+275760-09-13T00:00:00.000Z', 'cnv_1']),
      cursorOf(['0000-01-01T00:00:00.000Z', 'cnv_1']),
      cursorOf(['2026-01-01T24:00:00.000Z', 'cnv_1']),
      cursorOf(['2026-01-01T00:00:00.000Z', '\udfff']),
      cursorOf(['2026-01-01T00:00:00.000Z', 1]),
      cursorOf(['2026-01-01T00:00:00.000Z', 'cnv_1', 'extra']),
      cursorOf({ at: '2026-01-01T00:00:00.000Z', id: 'cnv_1' }),
      'zzz',
    ];
    for (const cursor of cursors) {
      for (const path of brandLists) expectInvalid(await brand.call('GET', `${path}?cursor=${cursor}`), 'cursor');
      for (const path of [`${dash}/conversions`, `${dash}/payments`]) {
        expectInvalid(await t.dashboard(token, `${path}?cursor=${cursor}`), 'cursor');
      }
    }
    // a cursor the API wrote still pages on
    const first = await brand.ok('GET', '/v1/offers?limit=1', undefined, 200);
    await brand.createOffer({ name: 'Second' });
    const page = await brand.ok('GET', '/v1/offers?limit=1', undefined, 200);
    expect((await brand.ok('GET', `/v1/offers?limit=1&cursor=${page.nextCursor}`, undefined, 200)).data[0].id).toBe(first.data[0].id);
  });

  it('days, months and limits outside what is stored are a 400 on lists, series, statements and exports', async () => {
    const brand = await t.brand();
    const { token, dash } = await withData(brand);
    for (const day of ['0000-01-01', '1969-12-31', '2026-02-30', '10000-01-01', '+275760-09-13']) {
      expectInvalid(await brand.call('GET', `/v1/conversions?from=${day}`), 'from');
      expectInvalid(await brand.call('GET', `/v1/conversions?to=${day}`), 'to');
      expectInvalid(await t.dashboard(token, `${dash}/series?from=${day}`), 'from');
      expectInvalid(await t.dashboard(token, `${dash}/conversions?to=${day}`), 'to');
      expectInvalid(await t.dashboard(token, `${dash}/conversions.csv?from=${day}`), 'from');
    }
    for (const month of ['0000-01', '1969-12', '2026-13', '10000-01']) {
      expectInvalid(await t.dashboard(token, `${dash}/statements/${month}`), 'month');
      expectInvalid(await t.dashboard(token, `${dash}/statements/${month}.csv`), 'month');
    }
    for (const limit of ['0', '101', '1.5', 'abc', '1e400', '-1']) {
      expectInvalid(await brand.call('GET', `/v1/members?limit=${limit}`), 'limit');
    }
  });

  it('the first and last days stored answer, without a 500, on every day filter', async () => {
    const brand = await t.brand();
    const { enrollment, token, dash } = await withData(brand);
    for (const day of ['1970-01-01', '9999-12-31']) {
      expect((await brand.call('GET', `/v1/conversions?from=${day}&to=${day}`)).status).toBe(200);
      expect((await t.dashboard(token, `${dash}/conversions?to=${day}`)).status).toBe(200);
      const series = await t.dashboard(token, `${dash}/series?from=${day}`);
      expect(series.status, series.text).toBe(200);
      expect(series.body.to <= '9999-12-31').toBe(true);
      expect((await t.dashboard(token, `${dash}/series?to=${day}`)).status).toBe(200);
      const csv = await t.dashboard(token, `${dash}/conversions.csv?to=${day}`);
      expect(csv.status).toBe(200);
      expect(csv.text.split('\n')[0]).toMatch(/^id,/);
    }
    for (const month of ['1970-01', '9999-12']) {
      expect((await t.dashboard(token, `${dash}/statements/${month}`)).status).toBe(200);
      expect((await t.dashboard(token, `${dash}/statements/${month}.csv`)).status).toBe(200);
    }
    const late = await brand.convert({ orderId: 'late', amount: 1, enrollmentId: enrollment.id, occurredAt: '9998-12-31T23:59:59.999Z' });
    expect(late.status, late.text).toBe(201);
    expect(late.body.expectedApprovalAt).toBe('9999-01-30T23:59:59.999Z');
    expect((await t.dashboard(token, `${dash}/conversions?from=9998-12-31`)).body.data).toHaveLength(1);
    expectInvalid(await brand.convert({ orderId: 'later', amount: 1, promoCode: 'X', occurredAt: '9999-06-01T00:00:00Z' }), 'occurredAt');
  });

  it('a lone surrogate in any string or metadata is a 400 naming the field; nothing is stored', async () => {
    const brand = await t.brand();
    const { offer, member, enrollment } = await withData(brand);
    const bad = '\udfff';
    const cases: [string, string, unknown, string][] = [
      ['POST', '/v1/members', { name: `A${bad}` }, 'name'],
      ['POST', '/v1/members', { name: 'A', metadata: { note: bad } }, 'metadata.note'],
      ['POST', '/v1/members', { name: 'A', metadata: { [bad]: 'v' } }, 'metadata'],
      ['PATCH', `/v1/members/${member.id}`, { externalId: bad }, 'externalId'],
      ['POST', '/v1/offers', { name: bad, currency: 'USD', commission: { type: 'percent', rateBps: 1 }, destinationUrl: 'https://a.example' }, 'name'],
      ['PATCH', `/v1/offers/${offer.id}`, { description: `x${bad}y` }, 'description'],
      ['PATCH', `/v1/offers/${offer.id}`, { utm: { source: bad } }, 'utm.source'],
      ['PATCH', `/v1/offers/${offer.id}`, { metadata: { k: bad } }, 'metadata.k'],
      ['PATCH', `/v1/offers/${offer.id}`, { destinationUrl: `https://a.example/${bad}` }, 'destinationUrl'],
      ['POST', '/v1/conversions', { orderId: bad, amount: 1, enrollmentId: enrollment.id }, 'orderId'],
      ['POST', '/v1/conversions', { orderId: 'S-1', amount: 1, enrollmentId: enrollment.id, metadata: { k: bad } }, 'metadata.k'],
      ['POST', '/v1/conversions', { orderId: 'S-2', amount: 1, promoCode: `${bad}abc` }, 'promoCode'],
      ['POST', '/v1/payments', { enrollmentId: enrollment.id, amount: 1, currency: 'USD', method: bad }, 'method'],
      ['POST', '/v1/payments', { enrollmentId: enrollment.id, amount: 1, currency: 'USD', method: 'x', reference: bad }, 'reference'],
      ['POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/a', events: ['*'], description: bad }, 'description'],
    ];
    for (const [method, path, body, field] of cases) expectInvalid(await brand.call(method, path, body), field);
    const batch = await brand.ok('POST', '/v1/conversions/batch', {
      conversions: [
        { orderId: 'B-ok', amount: 1, enrollmentId: enrollment.id },
        { orderId: 'B-bad', amount: 1, enrollmentId: enrollment.id, metadata: { k: bad } },
      ],
    }, 200);
    expect(batch.results.map((r: any) => [r.status, r.error?.code])).toEqual([['created', undefined], ['error', 'validation_failed']]);
    expect((await brand.ok('GET', '/v1/members', undefined, 200)).data).toHaveLength(1);
    expect((await brand.ok('GET', '/v1/conversions', undefined, 200)).data.map((c: any) => c.orderId).sort()).toEqual(['B-ok', 'L-1']);
  });

  it('takes amounts up to MAX_AMOUNT and refuses larger ones everywhere money is sent', async () => {
    const brand = await t.brand();
    const { offer, enrollment } = await withData(brand);
    const over = MAX_AMOUNT + 1;
    expect((await brand.convert({ orderId: 'M-max', amount: MAX_AMOUNT, enrollmentId: enrollment.id })).status).toBe(201);
    expectInvalid(await brand.convert({ orderId: 'M-over', amount: over, enrollmentId: enrollment.id }), 'amount');
    expectInvalid(await brand.convert({ orderId: 'M-orig', amount: 1, enrollmentId: enrollment.id, originalAmount: { amount: over, currency: 'EUR' } }), 'originalAmount.amount');
    expectInvalid(await brand.call('POST', '/v1/payments', { enrollmentId: enrollment.id, amount: over, currency: 'USD', method: 'x' }), 'amount');
    expectInvalid(await brand.call('PATCH', `/v1/offers/${offer.id}`, { commission: { type: 'flat', amount: over } }), 'commission.amount');
    expectInvalid(await brand.call('PATCH', `/v1/offers/${offer.id}`, { payoutMinimum: over }), 'payoutMinimum');
    expectInvalid(await brand.call('PATCH', `/v1/offers/${offer.id}`, {
      commission: { type: 'tiered', basis: 'sales', period: 'month', tiers: [{ from: 0, commission: { type: 'flat', amount: 1 } }, { from: over, commission: { type: 'flat', amount: 2 } }] },
    }), 'commission.tiers.1.from');
  });

  it('refuses with 422 total_limit_exceeded a sale or payment that would take a total past 2^53 − 1', async () => {
    const brand = await t.brand();
    const { enrollment, token, dash } = await withData(brand);
    // an enrollment whose totals are already near what a total holds
    await t.db.query(sql`
      UPDATE enrollment_totals SET sales = ${MAX_TOTAL - 10}, commission_pending = ${MAX_TOTAL - 1_000}, paid = ${MAX_TOTAL - 5}
      WHERE brand_id = ${brand.brandId} AND enrollment_id = ${enrollment.id}`);
    const sale = await brand.convert({ orderId: 'T-over', amount: 11, enrollmentId: enrollment.id });
    expectError(sale, 422, 'total_limit_exceeded');
    expect(sale.body.error.details.limit).toBe(MAX_TOTAL);
    const batch = await brand.call('POST', '/v1/conversions/batch', {
      conversions: [{ orderId: 'T-b1', amount: 5, enrollmentId: enrollment.id }, { orderId: 'T-b2', amount: 6, enrollmentId: enrollment.id }],
    });
    expectError(batch, 422, 'total_limit_exceeded');
    expectError(await brand.call('POST', '/v1/payments', { enrollmentId: enrollment.id, amount: 6, currency: 'USD', method: 'x' }), 422, 'total_limit_exceeded');
    expect((await brand.ok('GET', '/v1/conversions', undefined, 200)).data.map((c: any) => c.orderId)).toEqual(['L-1']);
    // up to the limit is fine, and the dashboard reads it exactly
    expect((await brand.convert({ orderId: 'T-fits', amount: 10, enrollmentId: enrollment.id })).status).toBe(201);
    expect((await brand.call('POST', '/v1/payments', { enrollmentId: enrollment.id, amount: 5, currency: 'USD', method: 'x' })).status).toBe(201);
    const screen = await t.dashboard(token, dash);
    expect(screen.status, screen.text).toBe(200);
    expect(screen.body.totals.sales.amount).toBe(MAX_TOTAL);
    expect(screen.body.totals.paid.amount).toBe(MAX_TOTAL);
  });

  it('the first screen of an enrollment with a maximal total is exact JSON', async () => {
    const brand = await t.brand();
    const { enrollment, token, dash } = await withData(brand);
    await t.db.query(sql`
      UPDATE enrollment_totals SET sales = ${MAX_TOTAL}, commission_pending = 0, commission_approved = ${MAX_TOTAL}, paid = 0
      WHERE brand_id = ${brand.brandId} AND enrollment_id = ${enrollment.id}`);
    const screen = await call(t.app, 'GET', dash, { auth: token });
    expect(screen.status, screen.text).toBe(200);
    expect(screen.body.totals.approved.amount).toBe(MAX_TOTAL);
    expect(screen.body.totals.expected.amount).toBe(MAX_TOTAL);
  });
});
