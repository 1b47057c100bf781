import { describe, expect, it } from 'vitest';
import { useSdk } from './server.js';
import { InvalidInputError, NotFoundError, UnprocessableEntityError } from '../src/index.js';

const t = useSdk();

describe('the SDK: bulk enrollment, link rotation and email', () => {
  it('enrolls members in bulk, rotates a link, previews and sends tracking items, lists messages', async () => {
    const offer = await t.affdash.offers.create({
      name: 'Autumn',
      currency: 'EUR',
      commission: { type: 'flat', amount: 500 },
      holdDays: 0,
      destinationUrl: 'https://shop.example/autumn',
      codePrefix: 'fall',
    });
    const ana = await t.affdash.members.create({ name: 'Ana', email: 'ana@example.com' });
    const ben = await t.affdash.members.create({ name: 'Ben', email: 'ben@example.com', emailOptOut: true });
    const outsider = await t.affdash.members.create({ name: 'Cy', email: 'cy@example.com' });

    const bulk = await t.affdash.enrollments.bulkCreate({
      offerId: offer.id,
      members: [{ memberId: ana.id }, { memberId: ben.id, promoCode: 'ben-fall' }],
    });
    expect(bulk).toMatchObject({ created: 2, failed: 0 });
    const [first] = bulk.results;
    if (first?.status !== 'created') throw new Error('expected a created item');
    expect(first.enrollment.promoCode).toMatch(/^FALL-ANA-/);

    const rotated = await t.affdash.enrollments.rotateDashboardLink(first.enrollment.id);
    expect(rotated.dashboardUrl).not.toBe(first.enrollment.dashboardUrl);
    // the old link says it was replaced
    expect((await fetch(first.enrollment.dashboardUrl)).status).toBe(410);
    expect((await fetch(rotated.dashboardUrl)).status).toBe(200);

    const template = await t.affdash.emails.trackingItems.template(offer.id);
    expect(template.placeholders).toContain('dashboard_link');
    const preview = await t.affdash.emails.trackingItems.preview(offer.id, { memberIds: [ana.id, ben.id] });
    expect(preview.emails.map((e) => e.to)).toEqual(['ana@example.com']);
    expect(preview.emails[0]!.text).toContain(rotated.dashboardUrl);
    expect(preview.skipped).toEqual([expect.objectContaining({ memberId: ben.id, reason: 'opted_out' })]);

    await expect(
      t.affdash.emails.trackingItems.preview(offer.id, { memberIds: [ana.id], body: 'Hi {{nickname}}' }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(t.affdash.emails.trackingItems.send(offer.id, { memberIds: [outsider.id] })).rejects.toBeInstanceOf(
      UnprocessableEntityError,
    );
    await expect(t.affdash.emails.trackingItems.send(offer.id, { memberIds: ['mem_missing'] })).rejects.toBeInstanceOf(
      NotFoundError,
    );

    const sent = await t.affdash.emails.trackingItems.send(offer.id, { memberIds: [ana.id, ben.id] }, { idempotencyKey: 'k-1' });
    const again = await t.affdash.emails.trackingItems.send(offer.id, { memberIds: [ana.id, ben.id] }, { idempotencyKey: 'k-1' });
    expect(again).toEqual(sent);
    expect(sent.queued).toHaveLength(1);

    const members = await t.affdash.emails.membersMessage.send(offer.id, { subject: 'News for {{member_name}}' });
    expect(members.queued.map((q) => q.to)).toEqual(['ana@example.com']);

    const messages = [];
    for await (const m of t.affdash.emails.messages.list({ offerId: offer.id, status: 'queued', limit: 1 })) messages.push(m);
    expect(messages).toHaveLength(2);
    expect(await t.affdash.emails.messages.retrieve(sent.queued[0]!.messageId)).toMatchObject({
      status: 'queued',
      kind: 'tracking_items',
      to: 'ana@example.com',
    });
  });
});
