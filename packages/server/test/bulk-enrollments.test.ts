import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { PUBLIC_URL, expectError, useApp, type BrandClient } from './harness.js';

async function members(brand: BrandClient, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await brand.createMember({ name: `Member${i} Test`, email: null })).id);
  return ids;
}

describe.each(backends())('bulk enrollments and dashboard-link rotation on $name', (backend) => {
  const t = useApp(backend);

  it('enrolls 200 members with a prefix: 200 unique codes, links and dashboard links', async () => {
    const brand = await t.brand();
    const offer = await brand.createOffer({ codePrefix: 'GLOW' });
    const ids = await members(brand, 200);
    // three random characters: collisions are likely among 200 codes, and are drawn again
    const result = await brand.ok(
      'POST',
      '/v1/enrollments/bulk',
      { offerId: offer.id, members: ids.map((memberId) => ({ memberId })), codePattern: '{prefix}-{random:3}' },
      200,
    );
    expect(result).toMatchObject({ created: 200, failed: 0 });
    expect(result.results.map((r: any) => r.memberId)).toEqual(ids);
    const enrollments = result.results.map((r: any) => r.enrollment);
    for (const e of enrollments) {
      expect(e.promoCode).toMatch(/^GLOW-[A-HJ-NP-Z2-9]{3}$/);
      expect(e.dashboardUrl.startsWith(`${PUBLIC_URL}/d/`)).toBe(true);
    }
    for (const field of ['promoCode', 'trackingUrl', 'dashboardUrl', 'id']) {
      expect(new Set(enrollments.map((e: any) => e[field])).size, field).toBe(200);
    }
    // codes are matched case-insensitively: a conversion with the lower-case code finds it
    const conversion = await brand.convert({
      promoCode: enrollments[7].promoCode.toLowerCase(),
      orderId: 'o-1',
      amount: 10_000,
      currency: 'USD',
    });
    expect(conversion.status, JSON.stringify(conversion.body)).toBe(201);
    expect(conversion.body.enrollmentId).toBe(enrollments[7].id);
  });

  it('uses the offer prefix by default, a prefix given for the batch, and codes set by hand', async () => {
    const brand = await t.brand();
    const offer = await brand.createOffer({ codePrefix: 'SUN' });
    const [a, b, c] = await members(brand, 3);
    const result = await brand.ok(
      'POST',
      '/v1/enrollments/bulk',
      { offerId: offer.id, members: [{ memberId: a }, { memberId: b, promoCode: 'maya-summer' }] },
      200,
    );
    expect(result.results[0].enrollment.promoCode).toMatch(/^SUN-MEMBER-[A-HJ-NP-Z2-9]{4}$/);
    expect(result.results[1].enrollment.promoCode).toBe('MAYA-SUMMER');
    const other = await brand.createOffer({ codePrefix: 'SUN' });
    const prefixed = await brand.ok(
      'POST',
      '/v1/enrollments/bulk',
      { offerId: other.id, members: [{ memberId: c }], codePrefix: 'vip' },
      200,
    );
    expect(prefixed.results[0].enrollment.promoCode).toMatch(/^VIP-MEMBER-/);
  });

  it('reports each failed item without failing the batch', async () => {
    const brand = await t.brand();
    const offer = await brand.createOffer();
    const [a, b, c, d] = await members(brand, 4);
    await brand.enroll(offer.id, d!, 'TAKEN1');
    const result = await brand.ok(
      'POST',
      '/v1/enrollments/bulk',
      {
        offerId: offer.id,
        members: [
          { memberId: a, promoCode: 'taken1' },
          { memberId: b },
          { memberId: 'mem_doesnotexist' },
          { memberId: d },
          { memberId: c, promoCode: 'FRESH1' },
          { memberId: b },
        ],
      },
      200,
    );
    expect(result).toMatchObject({ created: 2, failed: 4 });
    expect(result.results.map((r: any) => [r.status, r.error?.code])).toEqual([
      ['failed', 'conflict'],
      ['created', undefined],
      ['failed', 'not_found'],
      ['failed', 'conflict'],
      ['created', undefined],
      ['failed', 'conflict'],
    ]);
    expect(result.results[0].error.message).toContain('TAKEN1');
    expect(result.results[4].enrollment.promoCode).toBe('FRESH1');
    const listed = await brand.ok('GET', `/v1/enrollments?offerId=${offer.id}`, undefined, 200);
    expect(listed.data).toHaveLength(3);
  });

  it('rejects a bad batch as a whole, writing nothing', async () => {
    const brand = await t.brand();
    const offer = await brand.createOffer();
    const [a] = await members(brand, 1);
    const bulk = (body: unknown) => brand.call('POST', '/v1/enrollments/bulk', body);
    expectError(await bulk({ offerId: offer.id, members: [] }), 400, 'validation_failed');
    expectError(
      await bulk({ offerId: offer.id, members: Array.from({ length: 1001 }, () => ({ memberId: a })) }),
      400,
      'validation_failed',
    );
    expectError(await bulk({ offerId: offer.id, members: [{ memberId: a, promoCode: 'no spaces' }] }), 400, 'validation_failed');
    const noRandom = await bulk({ offerId: offer.id, members: [{ memberId: a }], codePattern: '{prefix}-{name}' });
    expectError(noRandom, 400, 'validation_failed');
    expect(noRandom.body.error.message).toContain('{random}');
    expectError(await bulk({ offerId: 'off_nope', members: [{ memberId: a }] }), 404, 'not_found');
    expect((await brand.ok('GET', '/v1/enrollments', undefined, 200)).data).toEqual([]);
  });

  it('rotating the dashboard link retires the old one at once and returns the new one', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const oldPath = new URL(enrollment.dashboardUrl).pathname;
    expect((await t.app.request(oldPath)).status).toBe(200);

    const rotated = await brand.ok('POST', `/v1/enrollments/${enrollment.id}/rotate-dashboard-link`, undefined, 200);
    expect(rotated).toMatchObject({ id: enrollment.id, promoCode: enrollment.promoCode, trackingUrl: enrollment.trackingUrl });
    expect(rotated.dashboardUrl).not.toBe(enrollment.dashboardUrl);
    // the old link opens no dashboard: a 410 page saying it was replaced
    expect((await t.app.request(oldPath)).status).toBe(410);
    expect((await t.app.request(new URL(rotated.dashboardUrl).pathname)).status).toBe(200);
    expect(await brand.ok('GET', `/v1/enrollments/${enrollment.id}`, undefined, 200)).toEqual(rotated);

    const again = await brand.ok('POST', `/v1/enrollments/${enrollment.id}/rotate-dashboard-link`, undefined, 200);
    expect((await t.app.request(new URL(rotated.dashboardUrl).pathname)).status).toBe(410);
    expect((await t.app.request(new URL(again.dashboardUrl).pathname)).status).toBe(200);

    expectError(await brand.call('POST', '/v1/enrollments/enr_nope/rotate-dashboard-link'), 404, 'not_found');
    const other = await t.brand();
    expectError(await other.call('POST', `/v1/enrollments/${enrollment.id}/rotate-dashboard-link`), 404, 'not_found');
  });
});
