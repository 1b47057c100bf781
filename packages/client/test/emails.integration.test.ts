import { createTestServer } from '@affdash/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Affdash, InvalidInputError, NotFoundError, UnprocessableEntityError } from '../src/index.js';

let server: Awaited<ReturnType<typeof createTestServer>>;
let affdash: Affdash;

beforeAll(async () => {
  server = await createTestServer();
  affdash = new Affdash({ apiKey: server.apiKey, baseUrl: server.url });
});
afterAll(() => server?.close());

describe('the SDK: bulk enrollment, link rotation and email', () => {
  it('enrolls members in bulk, rotates a link, previews and sends tracking items, lists messages', async () => {
    const offer = await affdash.offers.create({
      name: 'Autumn',
      currency: 'EUR',
      commission: { type: 'flat', amount: 500 },
      holdDays: 0,
      destinationUrl: 'https://shop.example/autumn',
      codePrefix: 'fall',
    });
    const ana = await affdash.members.create({ name: 'Ana', email: 'ana@example.com' });
    const ben = await affdash.members.create({ name: 'Ben', email: 'ben@example.com', emailOptOut: true });
    const outsider = await affdash.members.create({ name: 'Cy', email: 'cy@example.com' });

    const bulk = await affdash.enrollments.bulkCreate({
      offerId: offer.id,
      members: [{ memberId: ana.id }, { memberId: ben.id, promoCode: 'ben-fall' }],
    });
    expect(bulk).toMatchObject({ created: 2, failed: 0 });
    const [first] = bulk.results;
    if (first?.status !== 'created') throw new Error('expected a created item');
    expect(first.enrollment.promoCode).toMatch(/^FALL-ANA-/);

    const rotated = await affdash.enrollments.rotateDashboardLink(first.enrollment.id);
    expect(rotated.dashboardUrl).not.toBe(first.enrollment.dashboardUrl);
    expect((await fetch(first.enrollment.dashboardUrl)).status).toBe(404);
    expect((await fetch(rotated.dashboardUrl)).status).toBe(200);

    const template = await affdash.emails.trackingItems.template(offer.id);
    expect(template.placeholders).toContain('dashboard_link');
    const preview = await affdash.emails.trackingItems.preview(offer.id, { memberIds: [ana.id, ben.id] });
    expect(preview.emails.map((e) => e.to)).toEqual(['ana@example.com']);
    expect(preview.emails[0]!.text).toContain(rotated.dashboardUrl);
    expect(preview.skipped).toEqual([expect.objectContaining({ memberId: ben.id, reason: 'opted_out' })]);

    await expect(
      affdash.emails.trackingItems.preview(offer.id, { memberIds: [ana.id], body: 'Hi {{nickname}}' }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(affdash.emails.trackingItems.send(offer.id, { memberIds: [outsider.id] })).rejects.toBeInstanceOf(
      UnprocessableEntityError,
    );
    await expect(affdash.emails.trackingItems.send(offer.id, { memberIds: ['mem_missing'] })).rejects.toBeInstanceOf(
      NotFoundError,
    );

    const sent = await affdash.emails.trackingItems.send(offer.id, { memberIds: [ana.id, ben.id] }, { idempotencyKey: 'k-1' });
    const again = await affdash.emails.trackingItems.send(offer.id, { memberIds: [ana.id, ben.id] }, { idempotencyKey: 'k-1' });
    expect(again).toEqual(sent);
    expect(sent.queued).toHaveLength(1);

    const members = await affdash.emails.membersMessage.send(offer.id, { subject: 'News for {{member_name}}' });
    expect(members.queued.map((q) => q.to)).toEqual(['ana@example.com']);

    const messages = [];
    for await (const m of affdash.emails.messages.list({ offerId: offer.id, status: 'queued', limit: 1 })) messages.push(m);
    expect(messages).toHaveLength(2);
    expect(await affdash.emails.messages.retrieve(sent.queued[0]!.messageId)).toMatchObject({
      status: 'queued',
      kind: 'tracking_items',
      to: 'ana@example.com',
    });
  });
});
