import { describe, expect, it } from 'vitest';
import { createApp, createDeps, deliverEmails, deriveServerKeys, type Mailer, type OutgoingEmail } from '../src/index.js';
import { backends } from './backends.js';
import { PUBLIC_URL, SECRET, call, expectError, useApp, type BrandClient } from './harness.js';

const staff = { id: 'u_7', name: 'Rosa Admin', email: 'rosa@glow.example' };

/** A mailer that keeps what it is given, or refuses everything. */
function memoryMailer(refuse = false): Mailer & { sent: OutgoingEmail[] } {
  const sent: OutgoingEmail[] = [];
  return {
    description: 'memory',
    sent,
    async send(m) {
      if (refuse) throw new Error('550 mailbox unavailable');
      sent.push(m);
      return { providerId: `p_${sent.length}` };
    },
    close() {},
  };
}

describe.each(backends())('the routes of the brand components on $name', (backend) => {
  const t = useApp(backend);
  const deliver = (mailer: Mailer) =>
    deliverEmails(
      { db: t.db, mailer, links: { keys: deriveServerKeys(SECRET), publicUrl: PUBLIC_URL }, fromAddress: 'p@glow.example' },
      { maxAttempts: 1 },
    );

  async function offerWith(brand: BrandClient, members: Record<string, unknown>[]) {
    const offer = await brand.createOffer({ codePrefix: 'GLOW' });
    const enrolled = [];
    for (const m of members) {
      const member = await brand.createMember(m);
      enrolled.push({ member, enrollment: await brand.enroll(offer.id, member.id) });
    }
    return { offer, enrolled };
  }
  async function secret(brand: BrandClient, body: Record<string, unknown> = {}): Promise<string> {
    return (await brand.ok('POST', '/v1/brand-sessions', { staff, ...body }, 201)).clientSecret;
  }

  it("lists an offer's members with code, links and last emailed; search and filters", async () => {
    const brand = await t.brand();
    const { offer, enrolled } = await offerWith(brand, [
      { name: 'Ana Silva', email: 'ana@example.com' },
      { name: 'Ben 100%', email: 'ben@example.com', emailOptOut: true },
      { name: 'Cy', email: null },
    ]);
    const [ana, ben, cy] = enrolled.map((e) => e.member.id);
    await brand.ok('PATCH', `/v1/enrollments/${enrolled[2]!.enrollment.id}`, { status: 'paused' }, 200);
    const auth = await secret(brand, { components: ['members', 'send'] });
    const list = async (query = '') => {
      const answer = await call(t.app, 'GET', `/v1/offers/${offer.id}/members${query}`, { auth });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body;
    };
    const all = await list();
    expect(all.data.map((m: any) => m.memberId)).toEqual([cy, ben, ana]);
    expect(all.data[2]).toMatchObject({
      name: 'Ana Silva',
      email: 'ana@example.com',
      emailOptOut: false,
      status: 'active',
      promoCode: enrolled[0]!.enrollment.promoCode,
      trackingUrl: enrolled[0]!.enrollment.trackingUrl,
      dashboardUrl: enrolled[0]!.enrollment.dashboardUrl,
      lastEmailedAt: null,
    });

    const sent = await call(t.app, 'POST', `/v1/offers/${offer.id}/emails/tracking-items/send`, { auth, body: { memberIds: [ana] } });
    expect(sent.status).toBe(202);
    const after = await list();
    const emailed = after.data.find((m: any) => m.memberId === ana);
    expect(Date.parse(emailed.lastEmailedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(after.data.find((m: any) => m.memberId === ben).lastEmailedAt).toBeNull();

    const ids = (page: any) => page.data.map((m: any) => m.memberId);
    expect(ids(await list('?q=ANA'))).toEqual([ana]);
    expect(ids(await list(`?q=${enrolled[1]!.enrollment.promoCode.toLowerCase()}`))).toEqual([ben]);
    expect(ids(await list('?q=100%25'))).toEqual([ben]); // % is a character, not a wildcard
    expect(ids(await list('?q=0%25'))).toEqual([ben]);
    expect(ids(await list('?q=%25'))).toEqual([ben]);
    expect(ids(await list('?neverEmailed=true'))).toEqual([cy, ben]);
    expect(ids(await list('?neverEmailed=false'))).toEqual([ana]);
    expect(ids(await list(`?emailedBefore=${new Date(Date.now() + 60_000).toISOString()}`))).toEqual([ana]);
    expect(ids(await list('?emailedBefore=2020-01-01T00:00:00Z'))).toEqual([]);
    expect(ids(await list('?status=paused'))).toEqual([cy]);
    expect(ids(await list('?optedOut=true'))).toEqual([ben]);
    expect(ids(await list('?optedOut=false'))).toEqual([cy, ana]);
    const first = await list('?limit=2');
    expect(ids(first)).toEqual([cy, ben]);
    expect(ids(await list(`?limit=2&cursor=${first.nextCursor}`))).toEqual([ana]);

    expectError(await call(t.app, 'GET', `/v1/offers/${offer.id}/members?neverEmailed=yes`, { auth }), 400, 'validation_failed');
    expectError(await call(t.app, 'GET', `/v1/offers/${offer.id}/members?emailedBefore=monday`, { auth }), 400, 'validation_failed');
    expectError(await call(t.app, 'GET', '/v1/offers/off_nothere/members', { auth }), 404, 'not_found');
  });

  it('adds people to an offer: matched by email or external id, else created; codes and links at once', async () => {
    const brand = await t.brand();
    const { offer, enrolled } = await offerWith(brand, [{ name: 'Ana', email: 'ana@example.com' }]);
    const known = await brand.createMember({ name: 'Dee', email: 'DEE@example.com' });
    const auth = await secret(brand, { components: ['members'] });
    const answer = await call(t.app, 'POST', `/v1/offers/${offer.id}/members`, {
      auth,
      body: {
        members: [
          { name: 'Dee again', email: 'dee@example.com' },
          { name: 'Eve', email: 'eve@example.com', promoCode: 'eve-glow' },
          { name: 'Ana', email: 'ana@example.com' },
          { name: 'Fay', externalId: 'crm-9' },
        ],
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ created: 3, failed: 1 });
    const [dee, eve, ana, fay] = answer.body.results;
    expect(dee).toMatchObject({ status: 'created', memberCreated: false, member: { id: known.id } });
    expect(dee.enrollment.promoCode).toMatch(/^GLOW-/);
    expect(dee.enrollment.dashboardUrl).toMatch(new RegExp(`^${PUBLIC_URL}/d/`));
    expect(eve).toMatchObject({ status: 'created', memberCreated: true, enrollment: { promoCode: 'EVE-GLOW' } });
    expect(ana).toMatchObject({ status: 'failed', name: 'Ana', error: { code: 'conflict' } });
    expect(fay).toMatchObject({ status: 'created', member: { externalId: 'crm-9', email: null } });
    const listed = await call(t.app, 'GET', `/v1/offers/${offer.id}/members?limit=100`, { auth });
    expect(listed.body.data.map((m: any) => m.memberId).sort()).toEqual(
      [enrolled[0]!.member.id, known.id, eve.member.id, fay.member.id].sort(),
    );
    expectError(await call(t.app, 'POST', `/v1/offers/${offer.id}/members`, { auth, body: { members: [] } }), 400, 'validation_failed');
    expectError(
      await call(t.app, 'POST', `/v1/offers/${offer.id}/members`, { auth, body: { members: [{ name: 'X', email: 'not-an-email' }] } }),
      400,
      'validation_failed',
    );
  });

  it('a send groups its messages; each one’s status is listed, failed ones are resent', async () => {
    const brand = await t.brand();
    const { offer, enrolled } = await offerWith(brand, [
      { name: 'Ana', email: 'ana@example.com' },
      { name: 'Ben', email: 'ben@example.com' },
    ]);
    const auth = await secret(brand, { components: ['send'] });
    const memberIds = enrolled.map((e) => e.member.id);
    const send = await call(t.app, 'POST', `/v1/offers/${offer.id}/emails/tracking-items/send`, {
      auth,
      body: { memberIds, subject: 'Edited {{offer_name}}' },
      headers: { 'idempotency-key': 'drawer-1' },
    });
    expect(send.status).toBe(202);
    expect(send.body.sendId).toMatch(/^snd_/);
    const again = await call(t.app, 'POST', `/v1/offers/${offer.id}/emails/tracking-items/send`, {
      auth,
      body: { memberIds, subject: 'Edited {{offer_name}}' },
      headers: { 'idempotency-key': 'drawer-1' },
    });
    expect(again.body.sendId).toBe(send.body.sendId);
    const other = await call(t.app, 'POST', `/v1/offers/${offer.id}/emails/tracking-items/send`, { auth, body: { memberIds: [memberIds[0]] } });
    expect(other.body.sendId).not.toBe(send.body.sendId);

    const statuses = async (sendId: string) =>
      ((await call(t.app, 'GET', `/v1/emails/messages?sendId=${sendId}`, { auth })).body.data as any[]).sort((x, y) =>
        x.to < y.to ? -1 : 1,
      );
    expect((await statuses(send.body.sendId)).map((m) => [m.to, m.status, m.sendId])).toEqual([
      ['ana@example.com', 'queued', send.body.sendId],
      ['ben@example.com', 'queued', send.body.sendId],
    ]);
    await deliver(memoryMailer(true)); // every queued message of the database fails
    const failed = await statuses(send.body.sendId);
    expect(failed.map((m) => m.status)).toEqual(['failed', 'failed']);
    expect(failed[0].lastError).toContain('550');

    const resend = await call(t.app, 'POST', '/v1/emails/messages/resend', { auth, body: { messageIds: [failed[0].id] } });
    expect(resend.body).toEqual({ requeued: [failed[0].id], unchanged: [] });
    const mailer = memoryMailer();
    expect(await deliver(mailer)).toMatchObject({ sent: 1 });
    expect(mailer.sent.map((m) => [m.to, m.subject])).toEqual([['ana@example.com', 'Edited Summer Glow']]);
    const twice = await call(t.app, 'POST', '/v1/emails/messages/resend', { auth, body: { messageIds: [failed[0].id, failed[1].id] } });
    expect(twice.body).toEqual({ requeued: [failed[1].id], unchanged: [failed[0].id] });
    const unknown = await call(t.app, 'POST', '/v1/emails/messages/resend', { auth, body: { messageIds: ['msg_nothere'] } });
    expectError(unknown, 404, 'not_found');
    expect(unknown.body.error.details).toEqual({ messageIds: ['msg_nothere'] });
  });

  it("sends a test to the session's staff user when no address is given", async () => {
    const brand = await t.brand();
    const { offer } = await offerWith(brand, [{ name: 'Ben', email: 'ben@example.com' }]);
    const mailer = memoryMailer();
    const app = createApp(createDeps(t.db, { secret: SECRET, publicUrl: PUBLIC_URL, widgetFile: undefined, mail: { mailer, fromAddress: 'p@glow.example' } }));
    const auth = await secret(brand, { components: ['send'] });
    const base = `/v1/offers/${offer.id}/emails/tracking-items/test`;
    const test = await call(app, 'POST', base, { auth, body: { subject: 'Hi {{member_name}}' } });
    expect(test.status, test.text).toBe(200);
    expect(test.body.to).toBe(staff.email);
    expect(mailer.sent.map((m) => [m.to, m.subject])).toEqual([[staff.email, '[Test] Hi Alex Sample']]);
    expect((await call(app, 'POST', base, { auth, body: { to: 'qa@glow.example' } })).body.to).toBe('qa@glow.example');

    const noStaffEmail = (await brand.ok('POST', '/v1/brand-sessions', { staff: { id: 'x', name: 'X' }, components: ['send'] }, 201)).clientSecret;
    expectError(await call(app, 'POST', base, { auth: noStaffEmail, body: {} }), 400, 'validation_failed');
    expectError(await call(app, 'POST', base, { auth: brand.apiKey, body: {} }), 400, 'validation_failed'); // an API key names no staff
    expect((await call(app, 'GET', `/v1/emails/messages?offerId=${offer.id}`, { auth })).body.data).toEqual([]);
    const audit = await brand.ok('GET', '/v1/audit-events?staffId=u_7', undefined, 200);
    expect(audit.data[0]).toMatchObject({ action: 'GET /v1/emails/messages', status: 200, details: { read: true } });
    expect(audit.data[1]).toMatchObject({ action: 'POST /v1/offers/{offerId}/emails/tracking-items/test', status: 200 });
  });

  it('sums each offer: members, conversions, sales and commission, within the session scope', async () => {
    const brand = await t.brand();
    const a = await offerWith(brand, [{ name: 'Ana', email: 'ana@example.com' }, { name: 'Ben', email: 'ben@example.com' }]);
    const b = await offerWith(brand, []);
    for (const [i, amount] of [10_000, 5_000].entries()) {
      const code = a.enrolled[i]!.enrollment.promoCode;
      expect((await brand.convert({ orderId: `o-${i}`, promoCode: code, amount, currency: 'USD' })).status).toBe(201);
    }
    const auth = await secret(brand, { components: ['offers'] });
    const all = await call(t.app, 'GET', '/v1/offer-summaries', { auth });
    expect(all.status, all.text).toBe(200);
    expect(all.body.data.map((o: any) => o.id)).toEqual([b.offer.id, a.offer.id]);
    expect(all.body.data[1]).toMatchObject({
      members: 2,
      conversions: 2,
      sales: { amount: 15_000, currency: 'USD' },
      commission: { amount: 1_500, currency: 'USD' },
      paid: { amount: 0, currency: 'USD' },
    });
    expect(all.body.data[0]).toMatchObject({ members: 0, conversions: 0, sales: { amount: 0 } });
    const scoped = await secret(brand, { components: ['offers'], offerIds: [b.offer.id] });
    expect((await call(t.app, 'GET', '/v1/offer-summaries', { auth: scoped })).body.data.map((o: any) => o.id)).toEqual([b.offer.id]);
    expectError(await call(t.app, 'GET', '/v1/offer-summaries', { auth: await secret(brand, { components: ['send'] }) }), 403, 'forbidden');
  });

  it('a session scoped to one offer sees only its messages', async () => {
    const brand = await t.brand();
    const a = await offerWith(brand, [{ name: 'Ana', email: 'ana@example.com' }]);
    const b = await offerWith(brand, [{ name: 'Ben', email: 'ben@example.com' }]);
    const sentB = await brand.ok('POST', `/v1/offers/${b.offer.id}/emails/tracking-items/send`, { memberIds: [b.enrolled[0]!.member.id] }, 202);
    await brand.ok('POST', `/v1/offers/${a.offer.id}/emails/tracking-items/send`, { memberIds: [a.enrolled[0]!.member.id] }, 202);
    const auth = await secret(brand, { components: ['send'], offerIds: [a.offer.id] });
    const listed = (await call(t.app, 'GET', '/v1/emails/messages', { auth })).body.data;
    expect(listed.map((m: any) => m.offerId)).toEqual([a.offer.id]);
    const idB = sentB.queued[0].messageId;
    expectError(await call(t.app, 'GET', `/v1/emails/messages/${idB}`, { auth }), 404, 'not_found');
    expectError(await call(t.app, 'POST', '/v1/emails/messages/resend', { auth, body: { messageIds: [idB] } }), 404, 'not_found');
    expectError(
      await call(t.app, 'POST', `/v1/offers/${b.offer.id}/emails/tracking-items/send`, { auth, body: { memberIds: [b.enrolled[0]!.member.id] } }),
      404,
      'not_found',
    );
  });
});
