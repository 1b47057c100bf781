import { describe, expect, it } from 'vitest';
import { backends } from './backends.js';
import { call, expectError, useApp, type BrandClient } from './harness.js';

describe.each(backends())('emails API on $name', (backend) => {
  const t = useApp(backend);

  async function offerWith(brand: BrandClient, members: Record<string, unknown>[]) {
    const offer = await brand.createOffer({ name: 'Summer Glow' });
    const enrolled = [];
    for (const m of members) {
      const member = await brand.createMember(m);
      enrolled.push({ member, enrollment: await brand.enroll(offer.id, member.id) });
    }
    return { offer, enrolled };
  }
  const queued = async (brand: BrandClient) => (await brand.ok('GET', '/v1/emails/messages?limit=100', undefined, 200)).data;

  it('refuses bad input with a clear 4xx naming the problem, and queues nothing', async () => {
    const brand = await t.brand();
    const { offer, enrolled } = await offerWith(brand, [{ name: 'Maya', email: 'maya@example.com' }]);
    const outsider = await brand.createMember({ name: 'Out', email: 'out@example.com' });
    const maya = enrolled[0]!.member.id;
    const base = `/v1/offers/${offer.id}/emails/tracking-items`;
    for (const action of ['preview', 'send']) {
      const unknown = await brand.call('POST', `${base}/${action}`, { memberIds: [maya, 'mem_nobody'] });
      expectError(unknown, 404, 'not_found');
      expect(unknown.body.error.details).toEqual({ memberIds: ['mem_nobody'] });
      expect(unknown.body.error.message).toContain('mem_nobody');

      const notIn = await brand.call('POST', `${base}/${action}`, { memberIds: [outsider.id, maya] });
      expectError(notIn, 422, 'not_enrolled');
      expect(notIn.body.error.details).toEqual({ memberIds: [outsider.id] });

      expectError(await brand.call('POST', `${base}/${action}`, { memberIds: [] }), 400, 'validation_failed');
      expectError(await brand.call('POST', `${base}/${action}`, { memberIds: [maya, maya] }), 400, 'validation_failed');

      const placeholder = await brand.call('POST', `${base}/${action}`, { memberIds: [maya], body: 'Hi {{ nickname }} {{promo_code}}' });
      expectError(placeholder, 400, 'validation_failed');
      expect(placeholder.body.error.details.issues[0].path).toBe('body');
      expect(placeholder.body.error.message).toContain('{{nickname}}');

      const big = await brand.call('POST', `${base}/${action}`, { memberIds: [maya], body: 'x'.repeat(100 * 1024 + 1) });
      expectError(big, 400, 'validation_failed');
      expect(big.body.error.message).toContain('100 KB');

      expectError(await brand.call('POST', `${base}/${action}`, { memberIds: [maya], subject: 'a\nb' }), 400, 'validation_failed');
      expectError(
        await brand.call('POST', `/v1/offers/off_nothere/emails/tracking-items/${action}`, { memberIds: [maya] }),
        404,
        'not_found',
      );
      expectError(
        await brand.call('POST', `/v1/offers/${offer.id}/emails/members-message/${action}`, { body: '{{bad}}' }),
        400,
        'validation_failed',
      );
    }
    const other = await t.brand();
    expectError(await other.call('POST', `${base}/send`, { memberIds: [maya] }), 404, 'not_found');
    expectError(await call(t.app, 'GET', `${base}/template`), 401, 'unauthorized');
    expect(await queued(brand)).toEqual([]);
  });

  it('members message: preview and send to everyone active in the offer, once per idempotency key', async () => {
    const brand = await t.brand('Glow & Co.');
    const { offer, enrolled } = await offerWith(brand, [
      { name: 'Ana', email: 'ana@example.com' },
      { name: 'Ben', email: 'ben@example.com' },
      { name: 'Cy', email: null },
      { name: 'Dee', email: 'dee@example.com', emailOptOut: true },
      { name: 'Eve', email: 'eve@example.com' },
    ]);
    await brand.ok('PATCH', `/v1/enrollments/${enrolled[4]!.enrollment.id}`, { status: 'paused' }, 200);
    const base = `/v1/offers/${offer.id}/emails/members-message`;

    const template = await brand.ok('GET', `${base}/template`, undefined, 200);
    expect(template.subject).toBe('News about {{offer_name}} from {{brand_name}}');

    const body = 'Hello {{member_name}},\n\nDouble commission this week on {{offer_name}}: see https://shop.example/sale.\n\n{{dashboard_link}}';
    const preview = await brand.ok('POST', `${base}/preview`, { body }, 200);
    expect(preview.body).toBe(body);
    expect(preview.subject).toBe(template.subject);
    expect(preview.emails.map((e: any) => e.to)).toEqual(['ana@example.com', 'ben@example.com']);
    expect(preview.skipped.map((s: any) => s.reason)).toEqual(['no_email', 'opted_out']);
    const [ana] = preview.emails;
    expect(ana.subject).toBe('News about Summer Glow from Glow & Co.');
    expect(ana.text.startsWith(
      `Hello Ana,\n\nDouble commission this week on Summer Glow: see https://shop.example/sale.\n\n${enrolled[0]!.enrollment.dashboardUrl}\n\n`,
    )).toBe(true);
    expect(ana.html).toMatch(/<a href="https:\/\/shop.example\/sale" style="[^"]*">https:\/\/shop.example\/sale<\/a>\./);
    // the dashboard link the brand typed in its text is a link that reads as words, not the URL
    expect(ana.html).toMatch(new RegExp(`<a href="${enrolled[0]!.enrollment.dashboardUrl}" style="[^"]*">Open your dashboard</a>`));
    expect(ana.html).toContain('<p style="margin:0 0 16px">Hello Ana,</p>');

    const key = { 'idempotency-key': 'weekly-news-1' };
    const requests = await Promise.all(
      [1, 2, 3].map(() =>
        t.app.request(`${base}/send`, {
          method: 'POST',
          headers: { authorization: `Bearer ${brand.apiKey}`, 'content-type': 'application/json', ...key },
          body: JSON.stringify({ body }),
        }),
      ),
    );
    const answers = await Promise.all(requests.map(async (r) => ({ status: r.status, body: await r.json() })));
    for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBe(202);
    expect(answers[1]!.body).toEqual(answers[0]!.body);
    expect(answers[2]!.body).toEqual(answers[0]!.body);
    expect(answers[0]!.body.queued.map((q: any) => q.to)).toEqual(['ana@example.com', 'ben@example.com']);
    expect(await queued(brand)).toHaveLength(2);

    // the same key with another request is a conflict, not a second send
    const reused = await t.app.request(`${base}/send`, {
      method: 'POST',
      headers: { authorization: `Bearer ${brand.apiKey}`, 'content-type': 'application/json', ...key },
      body: JSON.stringify({ body: 'Something else' }),
    });
    expect(reused.status).toBe(409);
    // keys are per brand: another brand may use the same key
    const other = await t.brand();
    const otherOffer = await other.createOffer();
    const otherSend = await t.app.request(`/v1/offers/${otherOffer.id}/emails/members-message/send`, {
      method: 'POST',
      headers: { authorization: `Bearer ${other.apiKey}`, 'content-type': 'application/json', ...key },
      body: '{}',
    });
    expect(otherSend.status).toBe(202);
    expect(await queued(brand)).toHaveLength(2);

    const listed = await brand.ok('GET', `/v1/emails/messages?offerId=${offer.id}&status=queued&limit=1`, undefined, 200);
    expect(listed.data).toHaveLength(1);
    expect(listed.data[0]).toMatchObject({ kind: 'members_message', status: 'queued', attempts: 0, lastError: null });
    expect(listed.nextCursor).toBeTruthy();
    expectError(await brand.call('GET', '/v1/emails/messages?status=bogus'), 400, 'validation_failed');
    expectError(await brand.call('GET', '/v1/emails/messages/msg_nothere'), 404, 'not_found');
  });

  it('members can opt out of email and back in', async () => {
    const brand = await t.brand();
    const member = await brand.createMember({ emailOptOut: true });
    expect(member.emailOptOut).toBe(true);
    expect((await brand.ok('PATCH', `/v1/members/${member.id}`, { emailOptOut: false }, 200)).emailOptOut).toBe(false);
    expect((await brand.createMember()).emailOptOut).toBe(false);
  });
});
