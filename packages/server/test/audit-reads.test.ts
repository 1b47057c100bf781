import pg from '@databases/pg';
import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { call, read, useApp, type BrandClient } from './harness.js';

const { sql } = pg;
const staff = { id: 'u_9', name: 'Rosa Admin', email: 'rosa@glow.example' };

interface Event {
  action: string;
  path: string;
  status: number;
  details: Record<string, unknown>;
  actor: { id: string };
  staff: { id: string } | null;
}

describe.each(backends())("a brand session's reads in the audit trail, on $name", (backend) => {
  const t = useApp(backend);

  async function offerWith(brand: BrandClient, names: string[]) {
    const offer = await brand.createOffer({ codePrefix: 'GLOW' });
    const memberIds: string[] = [];
    for (const name of names) {
      const member = await brand.createMember({ name, email: `${name.toLowerCase()}@example.com` });
      await brand.enroll(offer.id, member.id);
      memberIds.push(member.id);
    }
    return { offer, memberIds };
  }
  const secret = async (brand: BrandClient, body: Record<string, unknown> = {}) =>
    (await brand.ok('POST', '/v1/brand-sessions', { staff, ...body }, 201)) as { id: string; clientSecret: string };
  const trail = async (brand: BrandClient, query = '') =>
    (await brand.ok('GET', `/v1/audit-events${query}`, undefined, 200)).data as Event[];
  const actions = (events: Event[]) => events.map((e) => `${e.action} ${e.status}`).reverse();

  it('records each read once per session, path and answer; every write each time', async () => {
    const brand = await t.brand();
    const { offer, memberIds } = await offerWith(brand, ['Ana', 'Ben']);
    const s = await secret(brand);
    const as = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
      call(t.app, method, path, { auth: s.clientSecret, body, headers });

    // the members table: loaded, searched as one types, filtered
    for (const q of ['', '?search=a', '?search=an', '?status=active']) {
      expect((await as('GET', `/v1/offers/${offer.id}/members${q}`)).status).toBe(200);
    }
    // the composer: its template, a preview per keystroke
    const items = `/v1/offers/${offer.id}/emails/tracking-items`;
    expect((await as('GET', `${items}/template`)).status).toBe(200);
    for (const subject of ['H', 'Hi', 'Hi {{first_name}}']) {
      expect((await as('POST', `${items}/preview`, { memberIds, subject })).status).toBe(200);
    }
    // a preview the server refuses is a read with another answer: recorded once too
    expect((await as('POST', `${items}/preview`, { memberIds, subject: '' })).status).toBe(400);
    expect((await as('POST', `${items}/preview`, { memberIds, subject: '' })).status).toBe(400);
    // two sends (writes), then the status list polled
    const first = await as('POST', `${items}/send`, { memberIds: [memberIds[0]] }, { 'idempotency-key': 'd-1' });
    expect(first.status).toBe(202);
    expect((await as('POST', `${items}/send`, { memberIds: [memberIds[1]] }, { 'idempotency-key': 'd-2' })).status).toBe(202);
    for (let i = 0; i < 3; i++) {
      expect((await as('GET', `/v1/emails/messages?sendId=${first.body.sendId}`)).status).toBe(200);
    }
    const [message] = (await as('GET', `/v1/emails/messages?sendId=${first.body.sendId}`)).body.data;
    expect((await as('GET', `/v1/emails/messages/${message.id}`)).status).toBe(200);
    expect((await as('GET', `/v1/emails/messages/${message.id}`)).status).toBe(200);
    expect((await as('GET', '/v1/offers')).status).toBe(200);

    const events = await trail(brand, `?sessionId=${s.id}`);
    expect(actions(events)).toEqual([
      'GET /v1/offers/{offerId}/members 200',
      'GET /v1/offers/{offerId}/emails/tracking-items/template 200',
      'POST /v1/offers/{offerId}/emails/tracking-items/preview 200',
      'POST /v1/offers/{offerId}/emails/tracking-items/preview 400',
      'POST /v1/offers/{offerId}/emails/tracking-items/send 202',
      'POST /v1/offers/{offerId}/emails/tracking-items/send 202',
      'GET /v1/emails/messages 200',
      'GET /v1/emails/messages/{id} 200',
      'GET /v1/offers 200',
    ]);
    for (const e of events) {
      expect(e.staff, e.action).toMatchObject({ id: staff.id });
      expect(e.actor.id, e.action).toBe(s.id);
      expect(e.details.read ?? false, e.action).toBe(!e.action.endsWith('/send'));
    }
    expect(events.find((e) => e.action === 'GET /v1/offers/{offerId}/members')!.path).toBe(`/v1/offers/${offer.id}/members`);

    // another offer is another resource; another session reads everything afresh
    const other = await brand.createOffer({ name: 'Autumn' });
    expect((await as('GET', `/v1/offers/${other.id}/members`)).status).toBe(200);
    const again = await secret(brand);
    expect((await call(t.app, 'GET', '/v1/offers', { auth: again.clientSecret })).status).toBe(200);
    expect(actions(await trail(brand, `?sessionId=${s.id}`))).toHaveLength(10);
    expect(actions(await trail(brand, `?sessionId=${again.id}`))).toEqual(['GET /v1/offers 200']);
    // an API key's calls are the brand's own: not audited
    await brand.ok('GET', `/v1/offers/${offer.id}/members`, undefined, 200);
    expect(actions(await trail(brand, `?sessionId=${s.id}`))).toHaveLength(10);
  });

  it('a console sign-in and the client secrets it hands out count as one: each read once', async () => {
    const brand = await t.brand();
    const { offer } = await offerWith(brand, ['Ana']);
    const link = (await brand.ok('POST', '/v1/brand-sessions', { staff, return: 'login_url' }, 201)) as { loginUrl: string };
    const opened = await t.app.request(new URL(link.loginUrl).pathname);
    const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
    const [signIn] = await t.db.query<{ id: string }>(sql`
      SELECT id FROM brand_sessions WHERE brand_id = ${brand.brandId} AND kind = 'console'`);
    for (let i = 0; i < 2; i++) {
      expect((await read(await t.app.request(`/console?offer=${offer.id}`, { headers: { cookie } }))).status).toBe(200);
      // each page load asks for a fresh client secret, a session of its own under the sign-in
      const minted = await read(await t.app.request('/console/client-secret', { method: 'POST', headers: { cookie } }));
      expect((await call(t.app, 'GET', `/v1/offers/${offer.id}/members`, { auth: minted.body.clientSecret })).status).toBe(200);
    }
    const events = await trail(brand, `?sessionId=${signIn!.id}`);
    expect(actions(events)).toEqual(['console.signed_in null', 'GET /console 200', 'GET /v1/offers/{offerId}/members 200']);
    expect(events.every((e) => e.staff?.id === staff.id)).toBe(true);
  });
});
