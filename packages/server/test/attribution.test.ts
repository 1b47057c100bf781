import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { type BrandClient, PUBLIC_URL, expectError, useApp } from './harness.js';

const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

describe.each(backends())('attribution on $name', (backend) => {
  const t = useApp(backend);

  async function clickOn(enrollment: { trackingUrl: string }, ip = '203.0.113.20'): Promise<string> {
    const res = await t.app.request(enrollment.trackingUrl.slice(PUBLIC_URL.length), {
      headers: { 'user-agent': BROWSER, 'x-forwarded-for': ip },
    });
    return new URL(res.headers.get('location')!).searchParams.get('affdash_click')!;
  }

  async function conversionsOf(brand: BrandClient, enrollmentId: string) {
    return (await brand.ok('GET', `/v1/conversions?enrollmentId=${enrollmentId}`, undefined, 200)).data;
  }

  /** One offer with two members: Maya shares a code, Ana a link. */
  async function twoMembers(brand: BrandClient, offer: Record<string, unknown> = {}) {
    const o = await brand.createOffer(offer);
    const maya = await brand.enroll(o.id, (await brand.createMember({ name: 'Maya', email: 'maya@example.com' })).id);
    const ana = await brand.enroll(o.id, (await brand.createMember({ name: 'Ana', email: 'ana@example.com' })).id);
    return { offer: o, maya, ana };
  }

  it("records by click id: the click's enrollment gets the sale", async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    const clickId = await clickOn(enrollment);
    const c = await brand.ok('POST', '/v1/conversions', { orderId: 'c-1', amount: 10_000, clickId }, 201);
    expect(c).toMatchObject({ enrollmentId: enrollment.id, attributedBy: 'click', clickId });
    expectError(await brand.convert({ orderId: 'c-2', amount: 1, clickId: 'clk_doesnotexist' }), 422, 'unknown_click');
  });

  it("a click id of another brand is unknown", async () => {
    const brand = await t.brand();
    const other = await t.brand('Other');
    const { enrollment } = await other.setup();
    const clickId = await clickOn(enrollment);
    expectError(await brand.convert({ orderId: 'x-1', amount: 1, clickId }), 422, 'unknown_click');
  });

  it('promo_code_first (the default): code and click of different members → the code’s member, once', async () => {
    const brand = await t.brand();
    const { offer, maya, ana } = await twoMembers(brand);
    expect(offer.attribution).toBe('promo_code_first');
    const clickId = await clickOn(ana);
    const c = await brand.ok('POST', '/v1/conversions', { orderId: 'both-1', amount: 10_000, promoCode: maya.promoCode, clickId }, 201);
    expect(c).toMatchObject({ enrollmentId: maya.id, attributedBy: 'promo_code', clickId: null });
    expect(await conversionsOf(brand, maya.id)).toHaveLength(1);
    expect(await conversionsOf(brand, ana.id)).toHaveLength(0);
  });

  it('click_first: code and click of different members → the click’s member, once', async () => {
    const brand = await t.brand();
    const { offer, maya, ana } = await twoMembers(brand, { attribution: 'click_first' });
    expect(offer.attribution).toBe('click_first');
    const clickId = await clickOn(ana);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        brand.convert({ orderId: 'both-2', amount: 10_000, promoCode: maya.promoCode, clickId }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.every((a) => a.body.enrollmentId === ana.id && a.body.attributedBy === 'click')).toBe(true);
    expect(await conversionsOf(brand, maya.id)).toHaveLength(0);
    expect(await conversionsOf(brand, ana.id)).toHaveLength(1);
  });

  it('the rule can be changed on the offer; code and click of the same member agree', async () => {
    const brand = await t.brand();
    const { offer, maya, ana } = await twoMembers(brand);
    await brand.ok('PATCH', `/v1/offers/${offer.id}`, { attribution: 'click_first' }, 200);
    const anaClick = await clickOn(ana);
    const c = await brand.ok('POST', '/v1/conversions', { orderId: 'r-1', amount: 100, promoCode: maya.promoCode, clickId: anaClick }, 201);
    expect(c.enrollmentId).toBe(ana.id);
    const mayaClick = await clickOn(maya, '203.0.113.21');
    const same = await brand.ok('POST', '/v1/conversions', { orderId: 'r-2', amount: 100, promoCode: maya.promoCode, clickId: mayaClick }, 201);
    expect(same).toMatchObject({ enrollmentId: maya.id, clickId: mayaClick });
    expectError(await brand.call('PATCH', `/v1/offers/${offer.id}`, { attribution: 'last_touch' }), 400, 'validation_failed');
  });

  it('needs a promo code, a click id or an enrollment id; an enrollment id goes alone', async () => {
    const brand = await t.brand();
    const { enrollment } = await brand.setup();
    expectError(await brand.convert({ orderId: 'v-1', amount: 1 }), 400, 'validation_failed');
    expectError(
      await brand.convert({ orderId: 'v-2', amount: 1, enrollmentId: enrollment.id, promoCode: enrollment.promoCode }),
      400,
      'validation_failed',
    );
    expectError(
      await brand.convert({ orderId: 'v-3', amount: 1, enrollmentId: enrollment.id, clickId: 'clk_x' }),
      400,
      'validation_failed',
    );
    const c = await brand.ok('POST', '/v1/conversions', { orderId: 'v-4', amount: 1, enrollmentId: enrollment.id }, 201);
    expect(c).toMatchObject({ attributedBy: 'enrollment', clickId: null });
  });
});
