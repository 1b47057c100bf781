import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { PUBLIC_URL, expectError, useApp } from './harness.js';
import { brandPages } from './pagination.js';

describe.each(backends())('enrollments on $name', (backend) => {
  const t = useApp(backend);

  it('gives a member in 3 offers 3 different codes, tracking links and dashboard links', async () => {
    const brand = await t.brand();
    const member = await brand.createMember({ name: 'Maya Lopez' });
    const offers: { id: string; codePrefix: string }[] = [];
    for (const prefix of ['GLOW', 'SUN', 'NIGHT']) offers.push(await brand.createOffer({ codePrefix: prefix }));
    const enrollments: Record<string, string>[] = [];
    for (const offer of offers) enrollments.push(await brand.enroll(offer.id, member.id));

    enrollments.forEach((e, i) => {
      expect(e).toMatchObject({ offerId: offers[i]!.id, memberId: member.id, status: 'active' });
      expect(e.promoCode).toMatch(new RegExp(`^${offers[i]!.codePrefix}-MAYA-[A-HJ-NP-Z2-9]{4}$`));
      expect(e.trackingUrl).toMatch(new RegExp(`^${PUBLIC_URL}/t/[A-Za-z0-9]{10}$`));
      expect(e.dashboardUrl).toMatch(new RegExp(`^${PUBLIC_URL}/d/[A-Za-z0-9_-]{43}$`));
    });
    for (const field of ['id', 'promoCode', 'trackingUrl', 'dashboardUrl']) {
      expect(new Set(enrollments.map((e) => e[field])).size, field).toBe(3);
    }

    const listed = await brand.ok('GET', `/v1/enrollments?memberId=${member.id}`, undefined, 200);
    expect(listed.data).toEqual([...enrollments].reverse());
    const byOffer = await brand.ok('GET', `/v1/enrollments?offerId=${offers[1]!.id}`, undefined, 200);
    expect(byOffer.data).toEqual([enrollments[1]]);
    expect(await brand.ok('GET', `/v1/enrollments/${enrollments[2]!.id}`, undefined, 200)).toEqual(enrollments[2]);
  });

  it('a second enrollment of the same member in the same offer is a 409 naming the first', async () => {
    const brand = await t.brand();
    const { offer, member, enrollment } = await brand.setup();
    const again = await brand.call('POST', '/v1/enrollments', { offerId: offer.id, memberId: member.id });
    expectError(again, 409, 'conflict');
    expect(again.body.error.details).toEqual({ enrollmentId: enrollment.id });
    expect((await brand.ok('GET', '/v1/enrollments', undefined, 200)).data).toEqual([enrollment]);
  });

  it('a hand-set promo code is stored upper case; a taken one is a 409 whatever its case', async () => {
    const brand = await t.brand();
    const offer = await brand.createOffer();
    const maya = await brand.createMember();
    const noah = await brand.createMember({ name: 'Noah' });
    const first = await brand.enroll(offer.id, maya.id, 'maya10');
    expect(first.promoCode).toBe('MAYA10');
    expectError(
      await brand.call('POST', '/v1/enrollments', { offerId: offer.id, memberId: noah.id, promoCode: 'Maya10' }),
      409,
      'conflict',
    );
    const noahs = await brand.enroll(offer.id, noah.id);
    expectError(await brand.call('PATCH', `/v1/enrollments/${noahs.id}`, { promoCode: 'maya10' }), 409, 'conflict');
    expect((await brand.ok('GET', `/v1/enrollments/${noahs.id}`, undefined, 200)).promoCode).toBe(noahs.promoCode);

    // Codes are unique per brand, not across brands.
    const other = await t.brand();
    const { offer: o2 } = await other.setup();
    const m2 = await other.createMember({ name: 'Maya' });
    expect((await other.enroll(o2.id, m2.id, 'MAYA10')).promoCode).toBe('MAYA10');
  });

  it('validates promo codes and ids; unknown offer or member is a 404', async () => {
    const brand = await t.brand();
    const offer = await brand.createOffer();
    const member = await brand.createMember();
    for (const promoCode of ['ab', 'with space', '-LEADING', 'x'.repeat(41)]) {
      expectError(
        await brand.call('POST', '/v1/enrollments', { offerId: offer.id, memberId: member.id, promoCode }),
        400,
        'validation_failed',
      );
    }
    expectError(await brand.call('POST', '/v1/enrollments', { offerId: 'off_nope', memberId: member.id }), 404, 'not_found');
    expectError(await brand.call('POST', '/v1/enrollments', { offerId: offer.id, memberId: 'mem_nope' }), 404, 'not_found');
    expect((await brand.ok('GET', '/v1/enrollments', undefined, 200)).data).toEqual([]);
  });

  it('PATCH changes status and code; the links stay', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const paused = await brand.ok('PATCH', `/v1/enrollments/${enrollment.id}`, { status: 'paused' }, 200);
    expect(paused).toEqual({ ...enrollment, status: 'paused', updatedAt: paused.updatedAt });
    const recoded = await brand.ok('PATCH', `/v1/enrollments/${enrollment.id}`, { promoCode: 'new-code' }, 200);
    expect(recoded).toMatchObject({ status: 'paused', promoCode: 'NEW-CODE', dashboardUrl: enrollment.dashboardUrl });
  });

  it('pages through enrollments and keeps brands apart', async () => {
    const brand = await t.brand();
    const offer = await brand.createOffer();
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const m = await brand.createMember({ name: `M${i}` });
      ids.push((await brand.enroll(offer.id, m.id)).id);
    }
    const pages = await brandPages(brand, '/v1/enrollments', 3);
    expect(pages.flat()).toEqual([...ids].reverse());

    const other = await t.brand();
    expectError(await other.call('GET', `/v1/enrollments/${ids[0]}`), 404, 'not_found');
    expectError(await other.call('PATCH', `/v1/enrollments/${ids[0]}`, { status: 'ended' }), 404, 'not_found');
    const m = await other.createMember();
    // Another brand's offer cannot be enrolled in.
    expectError(await other.call('POST', '/v1/enrollments', { offerId: offer.id, memberId: m.id }), 404, 'not_found');
    expect((await brand.ok('GET', `/v1/enrollments/${ids[0]}`, undefined, 200)).status).toBe('active');
  });
});
