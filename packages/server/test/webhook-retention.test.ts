import pg from '@databases/pg';
import { describe, expect, it } from 'vitest';
import { loadConfig, pruneWebhookLog } from '../src/index.js';
import { backends } from './backends.js';
import { expectError, useApp, type BrandClient } from './harness.js';

const { sql } = pg;
const DAY = 86_400_000;

describe.each(backends())('webhook log retention on $name', (backend) => {
  const t = useApp(backend);

  /** A brand with two endpoints and `n` events (enrollments), each queued to both. */
  async function brandWithEvents(n: number) {
    const brand = await t.brand();
    const a = await brand.ok('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/a', events: ['enrollment.created'] }, 201);
    const b = await brand.ok('POST', '/v1/webhook-endpoints', { url: 'https://hooks.example/b', events: ['enrollment.created'] }, 201);
    const offer = await brand.createOffer();
    for (let i = 0; i < n; i++) await brand.enroll(offer.id, (await brand.createMember({ name: `M${i}` })).id);
    const events = await t.db.query<{ id: string }>(sql`
      SELECT id FROM webhook_events WHERE brand_id = ${brand.brandId} ORDER BY created_at, id`);
    return { brand, endpoints: [a.id as string, b.id as string], events: events.map((e) => e.id) };
  }

  /** Sets an event's time and each of its deliveries' status and last change, `days` ago. */
  async function age(brand: BrandClient, eventId: string, createdDaysAgo: number, deliveries: [string, 'queued' | 'delivered' | 'failed', number][]) {
    const at = (days: number) => new Date(Date.now() - days * DAY);
    await t.db.query(sql`UPDATE webhook_events SET created_at = ${at(createdDaysAgo)} WHERE brand_id = ${brand.brandId} AND id = ${eventId}`);
    for (const [endpointId, status, days] of deliveries) {
      await t.db.query(sql`
        UPDATE webhook_deliveries SET status = ${status}, updated_at = ${at(days)}
        WHERE brand_id = ${brand.brandId} AND event_id = ${eventId} AND endpoint_id = ${endpointId}`);
    }
  }

  const remaining = async (brand: BrandClient) =>
    (await t.db.query<{ id: string; n: number }>(sql`
      SELECT e.id, count(d.id)::int AS n FROM webhook_events e
      LEFT JOIN webhook_deliveries d ON d.brand_id = e.brand_id AND d.event_id = e.id
      WHERE e.brand_id = ${brand.brandId} GROUP BY e.id ORDER BY e.id`)).map((r) => [r.id, r.n]);

  it('deletes an event with its deliveries once all of them ended before the cut-off, and nothing else', async () => {
    const { brand, endpoints: [a, b], events } = await brandWithEvents(5);
    const [gone, stillQueued, recent, replayed, failedOld] = events as [string, string, string, string, string];
    await age(brand, gone, 45, [[a!, 'delivered', 45], [b!, 'failed', 40]]);
    await age(brand, stillQueued, 45, [[a!, 'delivered', 45], [b!, 'queued', 44]]);
    await age(brand, recent, 20, [[a!, 'delivered', 20], [b!, 'delivered', 20]]);
    await age(brand, replayed, 60, [[a!, 'delivered', 60], [b!, 'delivered', 2]]);
    await age(brand, failedOld, 31, [[a!, 'failed', 31], [b!, 'failed', 31]]);
    const [goneDelivery] = (await brand.ok('GET', `/v1/webhook-endpoints/${a}/deliveries?limit=100`, undefined, 200)).data
      .filter((d: any) => d.eventId === gone);

    const report = await pruneWebhookLog(t.db, { before: new Date(Date.now() - 30 * DAY), batchSize: 1 });
    expect(report).toEqual({ events: 2, deliveries: 4 });
    expect(await remaining(brand)).toEqual([stillQueued, recent, replayed].sort().map((id) => [id, 2]));
    expectError(await brand.call('GET', `/v1/webhook-deliveries/${goneDelivery.id}`), 404, 'not_found');
    expect((await brand.ok('GET', `/v1/webhook-endpoints/${a}/deliveries?limit=100`, undefined, 200)).data).toHaveLength(3);

    // again: nothing left to do
    expect(await pruneWebhookLog(t.db, { before: new Date(Date.now() - 30 * DAY) })).toEqual({ events: 0, deliveries: 0 });
  });

  it('leaves other brands and the events of the retention period alone, also when pruning at the same time', async () => {
    const one = await brandWithEvents(3);
    const other = await brandWithEvents(2);
    for (const { brand, endpoints: [a, b], events } of [one, other]) {
      for (const id of events) await age(brand, id, 40, [[a!, 'delivered', 40], [b!, 'delivered', 40]]);
    }
    const before = new Date(Date.now() - 30 * DAY);
    const reports = await Promise.all([1, 2, 3].map(() => pruneWebhookLog(t.db, { before, batchSize: 2 })));
    expect(reports.reduce((sum, r) => sum + r.events, 0)).toBe(5);
    expect(reports.reduce((sum, r) => sum + r.deliveries, 0)).toBe(10);
    expect(await remaining(one.brand)).toEqual([]);
    expect(await remaining(other.brand)).toEqual([]);
  });
});

describe('AFFDASH_WEBHOOK_RETENTION_DAYS', () => {
  it('is 30 days unless set to a whole number from 1 to 3650', async () => {
    const base = { AFFDASH_SECRET: 'x'.repeat(40), AFFDASH_DATA_DIR: '/tmp/affdash-config-test' };
    expect((await loadConfig(base)).webhookRetentionDays).toBe(30);
    expect((await loadConfig({ ...base, AFFDASH_WEBHOOK_RETENTION_DAYS: '7' })).webhookRetentionDays).toBe(7);
    for (const value of ['0', '3651', '1.5', 'week']) {
      await expect(loadConfig({ ...base, AFFDASH_WEBHOOK_RETENTION_DAYS: value })).rejects.toThrow(/AFFDASH_WEBHOOK_RETENTION_DAYS/);
    }
  });
});
