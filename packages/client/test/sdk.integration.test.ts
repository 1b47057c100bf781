import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { useSdk } from './server.js';
import {
  Affdash,
  AuthenticationError,
  ConflictError,
  DashboardClient,
  NotFoundError,
  TokenExpiredError,
  UnprocessableEntityError,
  mintDashboardToken,
  type Enrollment,
  type Member,
  type Offer,
} from '../src/index.js';

const t = useSdk();

describe('the SDK against the affdash server', () => {
  let offer: Offer;
  let member: Member;
  let enrollment: Enrollment;

  it('creates an offer with a percent commission', async () => {
    offer = await t.affdash.offers.create({
      name: 'Spring sale',
      currency: 'USD',
      commission: { type: 'percent', rateBps: 1_000 },
      holdDays: 14,
      destinationUrl: 'https://shop.example/spring',
      codePrefix: 'spring',
    });
    expect(offer).toMatchObject({ name: 'Spring sale', currency: 'USD', status: 'active', holdDays: 14 });
    expect(offer.commission).toEqual({ type: 'percent', rateBps: 1_000 });
    expect(await t.affdash.offers.retrieve(offer.id)).toEqual(offer);
    const renamed = await t.affdash.offers.update(offer.id, { description: 'Ten percent of every sale' });
    expect(renamed.description).toBe('Ten percent of every sale');
  });

  it('creates a member and enrolls them', async () => {
    member = await t.affdash.members.create({ name: 'Ada Lovelace', email: 'ada@example.com', externalId: 'u_42' });
    expect(member).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', externalId: 'u_42' });
    await expect(t.affdash.members.create({ name: 'Ada again', externalId: 'u_42' })).rejects.toBeInstanceOf(ConflictError);

    enrollment = await t.affdash.enrollments.create({ offerId: offer.id, memberId: member.id });
    expect(enrollment).toMatchObject({ offerId: offer.id, memberId: member.id, status: 'active' });
    expect(enrollment.promoCode).toMatch(/^SPRING/);
    expect(enrollment.trackingUrl).toMatch(/^https?:\/\//);
    expect(enrollment.dashboardUrl).toMatch(/^https?:\/\//);
    await expect(t.affdash.enrollments.create({ offerId: offer.id, memberId: member.id })).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it('records a conversion by promo code once per order id, then approves it', async () => {
    const sale = { orderId: 'order_1001', amount: 12_000, promoCode: enrollment.promoCode.toLowerCase() };
    const first = await t.affdash.conversions.record(sale);
    const again = await t.affdash.conversions.record(sale);
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.conversion.id).toBe(first.conversion.id);
    expect(first.conversion).toMatchObject({
      enrollmentId: enrollment.id,
      status: 'pending',
      sale: { amount: 12_000, currency: 'USD' },
      commission: { amount: 1_200, currency: 'USD' },
    });
    const all = await t.affdash.conversions.list({ enrollmentId: enrollment.id });
    expect(all.data).toHaveLength(1);

    const approved = await t.affdash.conversions.update(first.conversion.id, { status: 'approved' });
    expect(approved.status).toBe('approved');
    await expect(
      t.affdash.conversions.create({ orderId: 'order_x', amount: 100, promoCode: 'NOSUCHCODE' }),
    ).rejects.toBeInstanceOf(UnprocessableEntityError);
  });

  it('records a payment', async () => {
    const payment = await t.affdash.payments.create({
      enrollmentId: enrollment.id,
      amount: 1_000,
      currency: 'USD',
      method: 'bank transfer',
      reference: 'INV-1',
    });
    expect(payment).toMatchObject({ enrollmentId: enrollment.id, amount: { amount: 1_000, currency: 'USD' } });
    expect(await t.affdash.payments.retrieve(payment.id)).toEqual(payment);
  });

  it('lists across pages with for await', async () => {
    for (let i = 0; i < 4; i++) {
      const other = await t.affdash.members.create({ name: `Member ${i}` });
      await t.affdash.enrollments.create({ offerId: offer.id, memberId: other.id });
    }
    const seen: string[] = [];
    for await (const each of t.affdash.enrollments.list({ offerId: offer.id, limit: 2 })) seen.push(each.id);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(seen).toContain(enrollment.id);
    const members: string[] = [];
    for await (const each of t.affdash.members.list({ limit: 3 })) members.push(each.id);
    expect(members).toHaveLength(5);
    const offers = await t.affdash.offers.list();
    expect(offers.data.map((o) => o.id)).toEqual([offer.id]);
  });

  it('reads the dashboard with a token minted by the API', async () => {
    const { token, expiresAt } = await t.affdash.dashboardTokens.create({ enrollmentId: enrollment.id, ttlSeconds: 600 });
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    const dashboard = new DashboardClient({ token, baseUrl: t.server.url });
    const screen = await dashboard.retrieve();
    expect(screen.enrollment).toMatchObject({ id: enrollment.id, promoCode: enrollment.promoCode });
    expect(screen.offer.id).toBe(offer.id);
    expect(screen.member.name).toBe('Ada Lovelace');
    expect(screen.totals).toMatchObject({
      conversions: 1,
      approved: { amount: 1_200, currency: 'USD' },
      paid: { amount: 1_000, currency: 'USD' },
      balance: { amount: 200, currency: 'USD' },
    });
    const conversions: string[] = [];
    for await (const c of dashboard.conversions.list()) conversions.push(c.orderRef);
    expect(conversions).toHaveLength(1);
    expect(conversions[0]).not.toBe('order_1001');
    expect((await dashboard.payments.list()).data).toHaveLength(1);
  });

  it('reads the dashboard with a token minted offline with a dashboard key', async () => {
    const key = await t.affdash.dashboardKeys.create();
    expect(key.secret.length).toBeGreaterThan(16);
    const { token } = await mintDashboardToken({ keyId: key.id, secret: key.secret, enrollmentId: enrollment.id });
    const dashboard = new DashboardClient({ token, baseUrl: t.server.url });
    expect((await dashboard.retrieve(enrollment.id)).enrollment.id).toBe(enrollment.id);
    await expect(dashboard.retrieve('enr_someoneelse')).rejects.toBeInstanceOf(NotFoundError);

    const keys = await t.affdash.dashboardKeys.list();
    expect(keys.data.map((k) => k.id)).toContain(key.id);
    expect(keys.data.every((k) => !('secret' in k))).toBe(true);
    const revoked = await t.affdash.dashboardKeys.revoke(key.id);
    expect(revoked.revokedAt).not.toBeNull();
    await expect(dashboard.retrieve()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('answers an expired offline token with TokenExpiredError', async () => {
    const key = await t.affdash.dashboardKeys.create();
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', kid: key.id })
      .setAudience('affdash:dashboard')
      .setSubject(enrollment.id)
      .setIssuedAt(now - 3_600)
      .setExpirationTime(now - 600)
      .sign(new TextEncoder().encode(key.secret));
    const dashboard = new DashboardClient({ token, baseUrl: t.server.url });
    const error = await dashboard.retrieve().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenExpiredError);
    expect(error).toMatchObject({ status: 401, code: 'token_expired' });
  });

  it('maps unknown ids to NotFoundError and a bad key to AuthenticationError', async () => {
    const error = await t.affdash.offers.retrieve('off_doesnotexist').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
    expect((error as NotFoundError).requestId).toBeTruthy();
    await expect(t.affdash.conversions.retrieve('cnv_doesnotexist')).rejects.toBeInstanceOf(NotFoundError);

    const stranger = new Affdash({ apiKey: 'not-a-real-key', baseUrl: t.server.url });
    const denied = await stranger.offers.list().catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(AuthenticationError);
    expect(denied).toMatchObject({ status: 401, code: 'unauthorized' });
  });
});
