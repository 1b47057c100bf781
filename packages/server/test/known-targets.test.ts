import { describe, expect, it } from 'vitest';
import { recordConversions } from '../src/conversions/record.js';
import { backends, countQueries } from './backends.js';
import { expectError, useApp } from './harness.js';

describe.each(backends())('enrollments a process knows, on $name', (backend) => {
  const t = useApp(backend);

  it('records a sale naming a known enrollment without looking it up again', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const sale = (orderId: string) => ({ orderId, amount: 10_000, enrollmentId: enrollment.id, metadata: {} });
    const first = countQueries(t.db);
    await recordConversions(first.db, brand.brandId, [sale('k-1')], 'api_key:test');
    const second = countQueries(t.db);
    const [outcome] = await recordConversions(second.db, brand.brandId, [sale('k-2')], 'api_key:test');
    expect(outcome).toMatchObject({ created: true });
    expect(second.queries()).toBe(first.queries() - 1);
  });

  it('catches what changed since: new terms, a paused offer, an ended enrollment', async () => {
    const brand = await t.brand();
    const { offer, enrollment } = await brand.setup();
    const sale = (orderId: string) => brand.convert({ orderId, amount: 10_000, enrollmentId: enrollment.id });
    expect((await sale('c-1')).body.commission).toEqual({ amount: 1_000, currency: 'USD' });

    // the terms change: the next sale is written with the new ones, not the ones this process saw
    await brand.ok('PATCH', `/v1/offers/${offer.id}`, { commission: { type: 'percent', rateBps: 2_000 } }, 200);
    expect((await sale('c-2')).body.commission).toEqual({ amount: 2_000, currency: 'USD' });

    // another process pauses the offer: this one refuses the next sale, and writes nothing
    await brand.ok('PATCH', `/v1/offers/${offer.id}`, { status: 'paused' }, 200);
    expectError(await sale('c-3'), 422, 'enrollment_inactive');
    await brand.ok('PATCH', `/v1/offers/${offer.id}`, { status: 'active' }, 200);
    expect((await sale('c-4')).status).toBe(201);

    await brand.ok('PATCH', `/v1/enrollments/${enrollment.id}`, { status: 'ended' }, 200);
    expectError(await sale('c-5'), 422, 'enrollment_inactive');

    const list = await brand.ok('GET', `/v1/conversions?enrollmentId=${enrollment.id}`, undefined, 200);
    expect(list.data.map((c: { orderId: string }) => c.orderId).sort()).toEqual(['c-1', 'c-2', 'c-4']);
  });
});
