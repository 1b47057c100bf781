import pg from '@databases/pg';
import { describe, expect, it } from 'vitest';
import { pruneIdempotencyKeys } from '../src/http/idempotency.js';
import { backends } from './backends.js';
import { type BrandClient, call, expectError, useApp } from './harness.js';

const { sql } = pg;

describe.each(backends())('Idempotency-Key on $name', (backend) => {
  const t = useApp(backend);

  const keyed = (brand: BrandClient, method: string, path: string, key: string, body?: unknown, headers: Record<string, string> = {}) =>
    call(t.app, method, path, { auth: brand.apiKey, body, headers: { 'idempotency-key': key, ...headers } });

  const count = async (table: 'payments' | 'offers' | 'members' | 'enrollments' | 'dashboard_keys' | 'webhook_endpoints' | 'conversions' | 'conversion_events' | 'idempotency_keys', brandId: string) => {
    const [row] = await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.ident(table)} WHERE brand_id = ${brandId}`);
    return row!.n;
  };

  const payment = (enrollmentId: string, amount = 1_000) => ({ enrollmentId, amount, currency: 'USD', method: 'bank transfer' });

  it('records a payment once per key, and replays the first answer to a retry', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const first = await keyed(brand, 'POST', '/v1/payments', 'pay-1', payment(enrollment.id));
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await keyed(brand, 'POST', '/v1/payments', 'pay-1', payment(enrollment.id));
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('content-type')).toMatch(/^application\/json/);
    expect(again.text).toBe(first.text);
    expect(await count('payments', brand.brandId)).toBe(1);
    const token = await brand.token(enrollment.id);
    const totals = (await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}`)).body.totals;
    expect(totals.paid.amount).toBe(1_000);

    // without a key, two calls are two payments, as before
    await brand.ok('POST', '/v1/payments', payment(enrollment.id), 201);
    await brand.ok('POST', '/v1/payments', payment(enrollment.id), 201);
    expect(await count('payments', brand.brandId)).toBe(3);
  });

  it('answers 409 to the same key with another body or path, and keeps keys per brand', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    await keyed(brand, 'POST', '/v1/payments', 'k', payment(enrollment.id));
    expectError(await keyed(brand, 'POST', '/v1/payments', 'k', payment(enrollment.id, 2_000)), 409, 'conflict');
    expectError(await keyed(brand, 'POST', '/v1/offers', 'k', { name: 'x' }), 409, 'conflict');
    expectError(
      await keyed(brand, 'POST', '/v1/conversions/batch', 'k', { conversions: [] }, { prefer: 'return=minimal' }),
      409,
      'conflict',
    );
    expect(await count('payments', brand.brandId)).toBe(1);

    const other = await t.brand();
    const { enrollment: theirs } = await other.setup();
    const answer = await keyed(other, 'POST', '/v1/payments', 'k', payment(theirs.id));
    expect(answer.status).toBe(201);
    expect(answer.headers.get('idempotent-replayed')).toBeNull();
    expect(await count('payments', other.brandId)).toBe(1);
  });

  it('refuses a malformed key and checks the API key first', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    expectError(await keyed(brand, 'POST', '/v1/payments', 'with space', payment(enrollment.id)), 400, 'bad_request');
    expectError(await keyed(brand, 'POST', '/v1/payments', 'x'.repeat(201), payment(enrollment.id)), 400, 'bad_request');
    const anonymous = await call(t.app, 'POST', '/v1/payments', { body: payment(enrollment.id), headers: { 'idempotency-key': 'k' } });
    expectError(anonymous, 401, 'unauthorized');
    expect(await count('idempotency_keys', brand.brandId)).toBe(0);
  });

  it('keeps no error answer: the request rolls back and the key stays free', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    expectError(await keyed(brand, 'POST', '/v1/payments', 'retry-me', payment('enr_unknown')), 404, 'not_found');
    expectError(await keyed(brand, 'POST', '/v1/payments', 'retry-me', { amount: -1 }), 400, 'validation_failed');
    expect(await count('idempotency_keys', brand.brandId)).toBe(0);
    const answer = await keyed(brand, 'POST', '/v1/payments', 'retry-me', payment(enrollment.id));
    expect(answer.status).toBe(201);
  });

  it('50 simultaneous identical keyed payments record exactly one', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => keyed(brand, 'POST', '/v1/payments', 'burst', payment(enrollment.id, 777))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(49);
    expect(await count('payments', brand.brandId)).toBe(1);
    const token = await brand.token(enrollment.id);
    const totals = (await t.dashboard(token, `/v1/dashboard/enrollments/${enrollment.id}`)).body.totals;
    expect(totals.paid.amount).toBe(777);
  });

  it('honours a key on every creating request', async () => {
    const brand = await t.brand();
    const { offer, enrollment } = await brand.setup();
    const spare = await brand.createMember({ name: 'Ben', email: 'ben@example.com' });
    const later = await brand.createMember({ name: 'Cy', email: 'cy@example.com' });
    const cases: [string, string, unknown, Parameters<typeof count>[0] | null][] = [
      ['POST', '/v1/offers', { name: 'Winter', currency: 'USD', commission: { type: 'flat', amount: 100 }, destinationUrl: 'https://shop.example/' }, 'offers'],
      ['POST', '/v1/members', { name: 'Dee', email: 'dee@example.com' }, 'members'],
      ['POST', '/v1/enrollments', { offerId: offer.id, memberId: spare.id }, 'enrollments'],
      ['POST', '/v1/enrollments/bulk', { offerId: offer.id, members: [{ memberId: later.id }] }, 'enrollments'],
      ['POST', '/v1/dashboard-keys', undefined, 'dashboard_keys'],
      ['POST', '/v1/dashboard-tokens', { enrollmentId: enrollment.id }, null],
      ['POST', '/v1/webhook-endpoints', { url: 'http://127.0.0.1:9/hook' }, 'webhook_endpoints'],
      ['POST', '/v1/conversions', { orderId: 'O-1', amount: 5_000, enrollmentId: enrollment.id }, 'conversions'],
      ['POST', '/v1/conversions/batch', { conversions: [{ orderId: 'O-2', amount: 5_000, enrollmentId: enrollment.id }] }, 'conversions'],
    ];
    for (const [i, [method, path, body, table]] of cases.entries()) {
      const before = table ? await count(table, brand.brandId) : 0;
      const first = await keyed(brand, method, path, `case-${i}`, body);
      expect(first.status, `${path}: ${first.text}`).toBeLessThan(300);
      const again = await keyed(brand, method, path, `case-${i}`, body);
      expect({ path, status: again.status, replayed: again.headers.get('idempotent-replayed') }).toEqual({
        path,
        status: first.status,
        replayed: 'true',
      });
      expect(again.text).toBe(first.text);
      if (table) expect({ path, rows: await count(table, brand.brandId) }).toEqual({ path, rows: before + 1 });
    }
  });

  it('replays a status change instead of making it again', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const { body: conversion } = await brand.convert({ orderId: 'S-1', amount: 5_000, enrollmentId: enrollment.id });
    const reject = { status: 'rejected', reason: 'returned' };
    const rejected = await keyed(brand, 'PATCH', `/v1/conversions/${conversion.id}`, 'reject-1', reject);
    expect(rejected.body.status).toBe('rejected');
    await brand.ok('PATCH', `/v1/conversions/${conversion.id}`, { status: 'pending' }, 200);
    // a late retry of the rejection: the first answer, and the conversion stays pending
    const retried = await keyed(brand, 'PATCH', `/v1/conversions/${conversion.id}`, 'reject-1', reject);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    expect(retried.text).toBe(rejected.text);
    expect((await brand.ok('GET', `/v1/conversions/${conversion.id}`, undefined, 200)).status).toBe('pending');
    expect(await count('conversion_events', brand.brandId)).toBe(2);
  });

  it('records a keyed batch whose order ids were partly recorded before (the one-statement path fails inside the transaction)', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    await brand.convert({ orderId: 'B-1', amount: 1_000, enrollmentId: enrollment.id });
    const batch = {
      conversions: [
        { orderId: 'B-1', amount: 1_000, enrollmentId: enrollment.id },
        { orderId: 'B-2', amount: 2_000, enrollmentId: enrollment.id },
      ],
    };
    const answer = await keyed(brand, 'POST', '/v1/conversions/batch', 'batch-1', batch);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.results.map((r: any) => r.status)).toEqual(['existing', 'created']);
    const again = await keyed(brand, 'POST', '/v1/conversions/batch', 'batch-1', batch);
    expect(again.text).toBe(answer.text);
    expect(await count('conversions', brand.brandId)).toBe(2);
    // the same through the single route
    const single = await keyed(brand, 'POST', '/v1/conversions', 'single-1', batch.conversions[1]);
    expect(single.status).toBe(200);
    expect(single.body.orderId).toBe('B-2');
  });

  it('expires keys after 24 hours: a key may then be used again, and the hourly expiry deletes it', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    await keyed(brand, 'POST', '/v1/payments', 'old', payment(enrollment.id));
    await keyed(brand, 'POST', '/v1/payments', 'recent', payment(enrollment.id));
    await t.db.query(sql`
      UPDATE idempotency_keys SET created_at = now() - interval '25 hours'
      WHERE brand_id = ${brand.brandId} AND key = 'old'`);
    await t.db.query(sql`
      UPDATE idempotency_keys SET created_at = now() - interval '23 hours'
      WHERE brand_id = ${brand.brandId} AND key = 'recent'`);
    expectError(await keyed(brand, 'POST', '/v1/payments', 'recent', payment(enrollment.id, 5)), 409, 'conflict');
    const reused = await keyed(brand, 'POST', '/v1/payments', 'old', payment(enrollment.id, 5));
    expect(reused.status).toBe(201);
    expect(reused.headers.get('idempotent-replayed')).toBeNull();
    expect(await count('payments', brand.brandId)).toBe(3);

    await t.db.query(sql`
      UPDATE idempotency_keys SET created_at = now() - interval '25 hours'
      WHERE brand_id = ${brand.brandId} AND key = 'old'`);
    expect(await pruneIdempotencyKeys(t.db, { batchSize: 1 })).toBeGreaterThanOrEqual(1);
    const left = await t.db.query<{ key: string }>(sql`SELECT key FROM idempotency_keys WHERE brand_id = ${brand.brandId}`);
    expect(left.map((r) => r.key)).toEqual(['recent']);
  });
});
