import { describe, expect, it } from 'vitest';
import { useSdk } from './server.js';
import { InvalidInputError } from '../src/index.js';

const t = useSdk();

describe('conversions.batch against the affdash server', () => {
  it('records valid items, reports invalid ones by index, and answers repeats as existing', async () => {
    const offer = await t.affdash.offers.create({
      name: 'Batch offer',
      currency: 'EUR',
      commission: { type: 'flat', amount: 500 },
      destinationUrl: 'https://shop.example/batch',
      utm: { source: 'affdash' },
    });
    expect(offer).toMatchObject({ utm: { source: 'affdash' }, attribution: 'promo_code_first' });
    const member = await t.affdash.members.create({ name: 'Lin' });
    const enrollment = await t.affdash.enrollments.create({ offerId: offer.id, memberId: member.id });

    const { results } = await t.affdash.conversions.batch({
      conversions: [
        { orderId: 'sdk-1', amount: 2_000, promoCode: enrollment.promoCode },
        { orderId: 'sdk-2', amount: 2_000, promoCode: 'NOPE' },
        { orderId: 'sdk-3', amount: 2_000, enrollmentId: enrollment.id, originalAmount: { amount: 1_700, currency: 'GBP' } },
        { orderId: 'sdk-1', amount: 2_000, promoCode: enrollment.promoCode },
      ],
    });
    expect(results.map((r) => [r.index, r.status, r.error?.code])).toEqual([
      [0, 'created', undefined],
      [1, 'error', 'unknown_promo_code'],
      [2, 'created', undefined],
      [3, 'existing', undefined],
    ]);
    expect(results[2]!.conversion?.original).toEqual({ amount: 1_700, currency: 'GBP' });

    const again = await t.affdash.conversions.batch({
      conversions: [{ orderId: 'sdk-3', amount: 2_000, enrollmentId: enrollment.id }],
    });
    expect(again.results[0]).toMatchObject({ status: 'existing', conversion: { id: results[2]!.conversion!.id } });
    const minimal = await t.affdash.conversions.batch(
      { conversions: [{ orderId: 'sdk-3', amount: 2_000, enrollmentId: enrollment.id }, { orderId: 'sdk-4', amount: 1, enrollmentId: enrollment.id }] },
      { return: 'minimal' },
    );
    expect(minimal.results).toEqual([
      { index: 0, status: 'existing', id: results[2]!.conversion!.id },
      { index: 1, status: 'created', id: expect.stringMatching(/^cnv_/) },
    ]);

    const events = await t.affdash.conversions.events(results[0]!.conversion!.id);
    expect(events).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'pending' })]);
  });

  it('refuses an empty batch before sending it', async () => {
    await expect(t.affdash.conversions.batch({ conversions: [] })).rejects.toBeInstanceOf(InvalidInputError);
  });
});
