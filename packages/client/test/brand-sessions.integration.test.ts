import { createTestServer, type Mailer, type OutgoingEmail } from '@affdash/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Affdash, InvalidInputError, PermissionDeniedError } from '../src/index.js';

/** A real server whose test sends go to memory. */
const t = {} as { server: Awaited<ReturnType<typeof createTestServer>>; affdash: Affdash; mailer: Mailer & { sent: OutgoingEmail[] } };
beforeAll(async () => {
  const sent: OutgoingEmail[] = [];
  t.mailer = { description: 'memory', sent, send: async (m) => (sent.push(m), { providerId: `p${sent.length}` }), close() {} };
  t.server = await createTestServer({ mailer: t.mailer });
  t.affdash = new Affdash({ apiKey: t.server.apiKey, baseUrl: t.server.url });
});
afterAll(() => t.server?.close());
const staff = { id: 'u_1', name: 'Rosa Admin', email: 'rosa@glow.example' };

describe('the SDK: brand sessions, offer members, test sends and the audit trail', () => {
  it('mints a client secret that reaches only what its components need, and records what it does', async () => {
    const offer = await t.affdash.offers.create({
      name: 'Spring',
      currency: 'USD',
      commission: { type: 'percent', rateBps: 1000 },
      holdDays: 0,
      destinationUrl: 'https://shop.example/spring',
    });
    const session = await t.affdash.brandSessions.create({ components: ['members', 'send'], offerIds: [offer.id], staff });
    expect(session.clientSecret).toMatch(/^affdash_bs_/);

    // the same API with the session secret as the bearer credential
    const asStaff = new Affdash({ apiKey: session.clientSecret!, baseUrl: t.server.url });
    const added = await asStaff.offerMembers.add(offer.id, {
      members: [
        { name: 'Ana', email: 'ana@example.com' },
        { name: 'Ben', email: 'ben@example.com' },
      ],
    });
    expect(added).toMatchObject({ created: 2, failed: 0 });
    const [summary] = (await t.affdash.offers.summaries({ limit: 100 })).data.filter((o) => o.id === offer.id);
    expect(summary).toMatchObject({ id: offer.id, members: 2, conversions: 0 });
    const members = [];
    for await (const m of asStaff.offerMembers.list(offer.id, { neverEmailed: true, limit: 1 })) members.push(m);
    expect(members.map((m) => m.name).sort()).toEqual(['Ana', 'Ben']);
    expect((await asStaff.offerMembers.list(offer.id, { q: 'ana' })).data.map((m) => m.name)).toEqual(['Ana']);

    const test = await asStaff.emails.trackingItems.test(offer.id, {});
    expect(test.to).toBe(staff.email);
    expect(t.mailer.sent.map((m) => m.to)).toEqual([staff.email]);
    const sent = await asStaff.emails.trackingItems.send(offer.id, { memberIds: members.map((m) => m.memberId) });
    const statuses = await asStaff.emails.messages.list({ sendId: sent.sendId! });
    expect(statuses.data.map((m) => m.status)).toEqual(['queued', 'queued']);
    expect(await asStaff.emails.messages.resend({ messageIds: [statuses.data[0]!.id] })).toEqual({
      requeued: [],
      unchanged: [statuses.data[0]!.id],
    });
    expect((await asStaff.offerMembers.list(offer.id, { neverEmailed: true })).data).toEqual([]);

    await expect(asStaff.offers.create({
      name: 'No',
      currency: 'USD',
      commission: { type: 'percent', rateBps: 1 },
      holdDays: 0,
      destinationUrl: 'https://shop.example',
    })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(asStaff.brandSessions.create({ staff })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(t.affdash.brandSessions.create({ staff, components: [] })).rejects.toBeInstanceOf(InvalidInputError);

    const audit = await t.affdash.auditEvents.list({ sessionId: session.id });
    // every write, and each read once per sign-in (the members listed three times: one entry)
    expect(audit.data.map((e) => e.action)).toEqual([
      'POST /v1/emails/messages/resend',
      'GET /v1/emails/messages',
      'POST /v1/offers/{offerId}/emails/tracking-items/send',
      'POST /v1/offers/{offerId}/emails/tracking-items/test',
      'GET /v1/offers/{offerId}/members',
      'POST /v1/offers/{offerId}/members',
    ]);
    expect(audit.data.filter((e) => e.details.read).map((e) => e.action)).toEqual([
      'GET /v1/emails/messages',
      'GET /v1/offers/{offerId}/members',
    ]);
    expect(audit.data.every((e) => e.staff?.id === 'u_1')).toBe(true);
    const byStaff = await t.affdash.auditEvents.list({ staffId: 'u_1', limit: 10 });
    expect(byStaff.data.map((e) => e.action).at(-1)).toBe('brand_session.created');

    const link = await t.affdash.brandSessions.create({ return: 'login_url', staff });
    expect(link.loginUrl).toMatch(/\/console\/login\/affdash_bs_/);
    const revoked = await t.affdash.brandSessions.revoke(session.id);
    expect(revoked.revokedAt).not.toBeNull();
    expect((await t.affdash.brandSessions.list()).data.map((s) => s.id)).toEqual([link.id, session.id]);
  });
});
