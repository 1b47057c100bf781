import { describe, expect, it } from 'vitest';
import { useSdk } from './server.js';
import { ConflictError, InvalidInputError, NotFoundError, type WebhookEndpoint } from '../src/index.js';

const t = useSdk();

describe('the SDK: webhook endpoints', () => {
  it('creates, lists page by page, retrieves, updates and deletes endpoints', async () => {
    const created = await t.affdash.webhookEndpoints.create({
      url: 'https://brand.example/hooks/affdash',
      events: ['conversion.created', 'payment.created'],
      description: 'orders',
    });
    expect(created.secret).toMatch(/^whsec_/);
    expect(created.events).toEqual(['conversion.created', 'payment.created']);
    const { secret: _secret, ...endpoint } = created;
    expect(await t.affdash.webhookEndpoints.retrieve(created.id)).toEqual(endpoint);

    const more: WebhookEndpoint[] = [];
    for (let i = 0; i < 3; i++) more.push(await t.affdash.webhookEndpoints.create({ url: `https://brand.example/h${i}` }));
    expect(more.every((e) => e.events.length === 1 && e.events[0] === '*')).toBe(true);
    const seen: string[] = [];
    for await (const e of t.affdash.webhookEndpoints.list({ limit: 2 })) seen.push(e.id);
    expect(seen).toEqual([...more.map((e) => e.id).reverse(), created.id]);

    const rotated = await t.affdash.webhookEndpoints.rotateSecret(created.id, { expiresInHours: 2 });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);
    expect(Date.parse(rotated.previousSecretExpiresAt!) - Date.now()).toBeGreaterThan(2 * 3_600_000 - 60_000);
    expect((await t.affdash.webhookEndpoints.rotateSecret(created.id)).previousSecretExpiresAt).not.toBeNull();
    await expect(t.affdash.webhookEndpoints.rotateSecret(created.id, { expiresInHours: 200 })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(t.affdash.webhookEndpoints.rotateSecret('whe_missing')).rejects.toBeInstanceOf(NotFoundError);

    const disabled = await t.affdash.webhookEndpoints.update(created.id, { disabled: true, description: null });
    expect(disabled).toMatchObject({ description: null, disabledAt: expect.any(String) });
    expect(await t.affdash.webhookEndpoints.del(created.id)).toEqual({ id: created.id, deleted: true });
    await expect(t.affdash.webhookEndpoints.retrieve(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('checks input before sending it', async () => {
    await expect(t.affdash.webhookEndpoints.create({ url: 'ftp://brand.example/x' })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(t.affdash.webhookEndpoints.create({ url: 'https://brand.example/x', events: [] })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      t.affdash.webhookEndpoints.create({ url: 'https://brand.example/x', events: ['order.shipped' as never] }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(t.affdash.webhookEndpoints.update('whe_missing', {})).rejects.toBeInstanceOf(InvalidInputError);
    await expect(t.affdash.webhookEndpoints.update('whe_missing', { disabled: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(t.affdash.webhookEndpoints.retrieve('../offers')).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('lists an endpoint’s deliveries and replays one', async () => {
    const endpoint = await t.affdash.webhookEndpoints.create({ url: 'https://brand.example/deliveries', events: ['enrollment.created'] });
    const offer = await t.affdash.offers.create({
      name: 'Hooks',
      currency: 'USD',
      commission: { type: 'percent', rateBps: 1_000 },
      destinationUrl: 'https://shop.example/hooks',
    });
    for (const name of ['Ana', 'Ben', 'Cy']) {
      const member = await t.affdash.members.create({ name });
      await t.affdash.enrollments.create({ offerId: offer.id, memberId: member.id });
    }
    const deliveries = [];
    for await (const d of t.affdash.webhookEndpoints.deliveries.list(endpoint.id, { limit: 2 })) deliveries.push(d);
    expect(deliveries).toHaveLength(3);
    expect(deliveries.every((d) => d.eventType === 'enrollment.created' && d.status === 'queued')).toBe(true);
    expect(await t.affdash.webhookEndpoints.deliveries.retrieve(deliveries[0]!.id)).toEqual(deliveries[0]);

    const replayed = await t.affdash.webhookEndpoints.deliveries.replay(deliveries[0]!.id);
    expect(replayed).toMatchObject({ id: deliveries[0]!.id, status: 'queued', attempts: 0 });
    await expect(t.affdash.webhookEndpoints.deliveries.replay('whd_missing')).rejects.toBeInstanceOf(NotFoundError);
    await t.affdash.webhookEndpoints.update(endpoint.id, { disabled: true });
    await expect(t.affdash.webhookEndpoints.deliveries.replay(deliveries[0]!.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(t.affdash.webhookEndpoints.deliveries.list('whe_missing')).rejects.toBeInstanceOf(NotFoundError);
  });
});
