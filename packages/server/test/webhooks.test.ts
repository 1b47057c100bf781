import pg from '@databases/pg';
import { describe, expect, it } from 'vitest';
import { approveDue } from '../src/index.js';
import { backends } from './backends.js';
import { call, expectError, useApp, type BrandClient } from './harness.js';

const { sql } = pg;

const URL_A = 'https://hooks.glow.example/affdash';

describe.each(backends())('webhook endpoints on $name', (backend) => {
  const t = useApp(backend);

  it('creates (secret once), lists, retrieves, updates and deletes an endpoint', async () => {
    const brand = await t.brand();
    const created = await brand.ok('POST', '/v1/webhook-endpoints', {
      url: URL_A,
      events: ['conversion.created', 'conversion.status_changed', 'conversion.created'],
      description: '  orders  ',
    }, 201);
    expect(created).toMatchObject({
      url: URL_A,
      events: ['conversion.created', 'conversion.status_changed'],
      description: 'orders',
      disabledAt: null,
    });
    expect(created.id).toMatch(/^whe_/);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const { secret, ...endpoint } = created;

    const fetched = await brand.ok('GET', `/v1/webhook-endpoints/${created.id}`, undefined, 200);
    expect(fetched).toEqual(endpoint);
    expect(JSON.stringify(fetched)).not.toContain(secret);

    const all = await brand.ok('POST', '/v1/webhook-endpoints', { url: 'http://127.0.0.1:9/all' }, 201);
    expect(all.events).toEqual(['*']);
    expect(all.description).toBeNull();
    const first = await brand.ok('GET', '/v1/webhook-endpoints?limit=1', undefined, 200);
    expect(first.data.map((e: any) => e.id)).toEqual([all.id]);
    const second = await brand.ok('GET', `/v1/webhook-endpoints?limit=1&cursor=${first.nextCursor}`, undefined, 200);
    expect(second).toEqual({ data: [endpoint], nextCursor: null });

    const disabled = await brand.ok('PATCH', `/v1/webhook-endpoints/${created.id}`, { disabled: true }, 200);
    expect(disabled.disabledAt).toEqual(expect.any(String));
    const changed = await brand.ok('PATCH', `/v1/webhook-endpoints/${created.id}`, {
      url: 'https://hooks.glow.example/v2',
      events: ['*'],
      description: null,
      disabled: false,
    }, 200);
    expect(changed).toEqual({ ...endpoint, url: 'https://hooks.glow.example/v2', events: ['*'], description: null, disabledAt: null });

    expect(await brand.ok('DELETE', `/v1/webhook-endpoints/${created.id}`, undefined, 200)).toEqual({ id: created.id, deleted: true });
    expectError(await brand.call('GET', `/v1/webhook-endpoints/${created.id}`), 404, 'not_found');
    expectError(await brand.call('DELETE', `/v1/webhook-endpoints/${created.id}`), 404, 'not_found');
    const left = await brand.ok('GET', '/v1/webhook-endpoints', undefined, 200);
    expect(left.data.map((e: any) => e.id)).toEqual([all.id]);
  });

  it('refuses bad input with 400 validation_failed and unknown ids with 404', async () => {
    const brand = await t.brand();
    const bad = [
      { url: 'not a url' },
      { url: 'ftp://files.example/hook' },
      { url: 'javascript:alert(1)' },
      { url: URL_A, events: [] },
      { url: URL_A, events: ['order.shipped'] },
      { url: URL_A, events: 'conversion.created' },
      { url: URL_A, description: 'x'.repeat(201) },
      { events: ['*'] },
      {},
    ];
    for (const body of bad) {
      expectError(await brand.call('POST', '/v1/webhook-endpoints', body), 400, 'validation_failed');
    }
    expectError(await brand.call('POST', '/v1/webhook-endpoints', '{"url":'), 400, 'bad_request');

    const endpoint = await brand.ok('POST', '/v1/webhook-endpoints', { url: URL_A }, 201);
    const path = `/v1/webhook-endpoints/${endpoint.id}`;
    for (const body of [{}, { url: 'nope' }, { events: [] }, { events: ['nope'] }, { disabled: 'yes' }]) {
      expectError(await brand.call('PATCH', path, body), 400, 'validation_failed');
    }
    expectError(await brand.call('GET', '/v1/webhook-endpoints?limit=0'), 400, 'validation_failed');
    expectError(await brand.call('GET', '/v1/webhook-endpoints?cursor=nonsense'), 400, 'validation_failed');

    for (const [method, p, body] of [
      ['GET', '/v1/webhook-endpoints/whe_missing', undefined],
      ['PATCH', '/v1/webhook-endpoints/whe_missing', { disabled: true }],
      ['DELETE', '/v1/webhook-endpoints/whe_missing', undefined],
      ['GET', '/v1/webhook-endpoints/whe_missing/deliveries', undefined],
      ['GET', '/v1/webhook-deliveries/whd_missing', undefined],
      ['POST', '/v1/webhook-deliveries/whd_missing/replay', undefined],
    ] as const) {
      expectError(await brand.call(method, p, body), 404, 'not_found');
    }
    expectError(await call(t.app, 'GET', '/v1/webhook-endpoints'), 401, 'unauthorized');
    expectError(await call(t.app, 'POST', '/v1/webhook-deliveries/whd_x/replay', { auth: 'nope' }), 401, 'unauthorized');
  });

  it("keeps brands apart: another brand's endpoints are a 404", async () => {
    const owner = await t.brand();
    const other = await t.brand('Other Brand');
    const endpoint = await owner.ok('POST', '/v1/webhook-endpoints', { url: URL_A }, 201);
    const path = `/v1/webhook-endpoints/${endpoint.id}`;
    expectError(await other.call('GET', path), 404, 'not_found');
    expectError(await other.call('PATCH', path, { disabled: true }), 404, 'not_found');
    expectError(await other.call('DELETE', path), 404, 'not_found');
    expectError(await other.call('GET', `${path}/deliveries`), 404, 'not_found');
    expect((await other.ok('GET', '/v1/webhook-endpoints', undefined, 200)).data).toEqual([]);
    expect((await owner.ok('GET', path, undefined, 200)).disabledAt).toBeNull();
  });
});

describe.each(backends())('webhook events on $name', (backend) => {
  const t = useApp(backend);

  /** The brand's events, oldest first, as `[type, data]`. */
  async function events(brand: BrandClient) {
    const rows = await t.db.query<{ type: string; payload: any }>(sql`
      SELECT type, payload FROM webhook_events WHERE brand_id = ${brand.brandId} ORDER BY created_at, id`);
    for (const r of rows) {
      expect(r.payload).toEqual({ id: expect.stringMatching(/^evt_/), type: r.type, createdAt: expect.any(String), data: expect.any(Object) });
    }
    return rows.map((r) => [r.type, r.payload.data] as [string, any]);
  }
  const typesOf = async (brand: BrandClient) => (await events(brand)).map(([type]) => type);

  it('emits enrollment, conversion, status change, reversal, auto-approval and payment events', async () => {
    const brand = await t.brand();
    const everything = await brand.ok('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/all' }, 201);
    const payments = await brand.ok('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/pay', events: ['payment.created'] }, 201);

    const { offer, member, enrollment } = await brand.setup({ currency: 'EUR', holdDays: 0, commission: { type: 'flat', amount: 500 } });
    const [created] = await events(brand);
    expect(created).toEqual(['enrollment.created', { ...enrollment, dashboardUrl: undefined }]);
    expect(JSON.stringify(created)).not.toContain('/d/');
    expect(created![1]).not.toHaveProperty('dashboardUrl');

    const others = [await brand.createMember({ name: 'Ben' }), await brand.createMember({ name: 'Cy' })];
    const bulk = await brand.ok('POST', '/v1/enrollments/bulk', {
      offerId: offer.id,
      members: [...others.map((m) => ({ memberId: m.id })), { memberId: member.id }],
    }, 200);
    expect(bulk).toMatchObject({ created: 2, failed: 1 });

    const sale = await brand.ok('POST', '/v1/conversions', { orderId: 'W-1', amount: 10_000, enrollmentId: enrollment.id }, 201);
    await brand.ok('POST', '/v1/conversions', { orderId: 'W-1', amount: 10_000, enrollmentId: enrollment.id }, 200);
    const batch = await brand.ok('POST', '/v1/conversions/batch', {
      conversions: [
        { orderId: 'W-2', amount: 2_000, enrollmentId: enrollment.id },
        { orderId: 'W-1', amount: 10_000, enrollmentId: enrollment.id },
        { orderId: 'W-3', amount: -1, enrollmentId: enrollment.id },
        { orderId: 'W-4', amount: 3_000, enrollmentId: enrollment.id, occurredAt: '2030-01-01T00:00:00Z' },
      ],
    }, 200);
    expect(batch.results.map((r: any) => r.status)).toEqual(['created', 'existing', 'error', 'created']);
    const [w2, , , w4] = batch.results.map((r: any) => r.conversion);

    await brand.ok('PATCH', `/v1/conversions/${sale.id}`, { status: 'approved' }, 200);
    await brand.ok('PATCH', `/v1/conversions/${sale.id}`, { status: 'approved' }, 200); // no change, no event
    const reversed = await brand.ok('PATCH', `/v1/conversions/${sale.id}`, { status: 'reversed', reason: 'Refunded' }, 200);
    expect(await approveDue(t.db, new Date(Date.now() + 1_000))).toBeGreaterThanOrEqual(1);
    const payment = await brand.ok('POST', '/v1/payments', { enrollmentId: enrollment.id, amount: 700, currency: 'EUR', method: 'paypal' }, 201);

    const all = await events(brand);
    expect(all.map(([type]) => type)).toEqual([
      'enrollment.created',
      'enrollment.created',
      'enrollment.created',
      'conversion.created',
      'conversion.created',
      'conversion.created',
      'conversion.status_changed',
      'conversion.status_changed',
      'conversion.status_changed',
      'payment.created',
    ]);
    expect(all[1]![1]).toMatchObject({ memberId: others[0]!.id, offerId: offer.id, status: 'active' });
    expect(all[3]![1]).toEqual(sale);
    expect(all.slice(4, 6).map(([, d]) => d)).toEqual([w2, w4]);
    expect(all[6]![1]).toMatchObject({ id: sale.id, status: 'approved', previousStatus: 'pending' });
    expect(all[7]![1]).toEqual({ ...reversed, previousStatus: 'approved' });
    expect(all[8]![1]).toMatchObject({ id: w2.id, status: 'approved', previousStatus: 'pending' });
    expect(all[9]![1]).toEqual(payment);

    // one delivery per subscribed endpoint, queued, newest first
    const log = await brand.ok('GET', `/v1/webhook-endpoints/${everything.id}/deliveries?limit=100`, undefined, 200);
    expect(log.data).toHaveLength(10);
    expect(log.data[0]).toMatchObject({ endpointId: everything.id, eventType: 'payment.created', status: 'queued', attempts: 0, lastStatusCode: null });
    const paid = await brand.ok('GET', `/v1/webhook-endpoints/${payments.id}/deliveries`, undefined, 200);
    expect(paid.data.map((d: any) => d.eventType)).toEqual(['payment.created']);
    expect(paid.data[0].eventId).toBe(log.data[0].eventId);
  });

  it('writes nothing for a brand without endpoints, or whose endpoints are disabled, deleted or not subscribed', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    await brand.convert({ orderId: 'N-1', amount: 1_000, enrollmentId: enrollment.id });
    expect(await typesOf(brand)).toEqual([]);

    const disabled = await brand.ok('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/off' }, 201);
    await brand.ok('PATCH', `/v1/webhook-endpoints/${disabled.id}`, { disabled: true }, 200);
    const deleted = await brand.ok('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/gone' }, 201);
    await brand.ok('DELETE', `/v1/webhook-endpoints/${deleted.id}`, undefined, 200);
    await brand.ok('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/pay', events: ['payment.created'] }, 201);
    await brand.convert({ orderId: 'N-2', amount: 1_000, enrollmentId: enrollment.id });
    expect(await typesOf(brand)).toEqual([]);

    // another brand's endpoint hears nothing of this brand
    const other = await t.brand('Other Brand');
    await other.ok('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/other' }, 201);
    await brand.convert({ orderId: 'N-3', amount: 1_000, enrollmentId: enrollment.id });
    expect(await typesOf(other)).toEqual([]);
  });

  it('rolls the event back with a write that fails', async () => {
    const brand = await t.brand();
    await brand.ok('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/all' }, 201);
    const { enrollment } = await brand.setup({ currency: 'EUR' });
    const before = await typesOf(brand);
    expectError(await brand.call('POST', '/v1/payments', { enrollmentId: enrollment.id, amount: 1, currency: 'USD', method: 'x' }), 422, 'currency_mismatch');
    const sale = (await brand.convert({ orderId: 'R-1', amount: 1_000, enrollmentId: enrollment.id })).body;
    expectError(await brand.call('PATCH', `/v1/conversions/${sale.id}`, { status: 'reversed', reason: 'Refunded' }), 409, 'conflict');
    expect(await typesOf(brand)).toEqual([...before, 'conversion.created']);
  });
});
