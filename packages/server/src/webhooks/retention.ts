import pg from '@databases/pg';
import type { Database } from '../db/index.js';

const { sql } = pg;

export interface PruneOptions {
  /** Events whose deliveries all ended before this time go, with those deliveries. */
  before: Date;
  /** Events deleted per transaction. */
  batchSize?: number;
}

export interface PruneReport {
  events: number;
  deliveries: number;
}

/**
 * Deletes webhook events made before `before` whose deliveries all ended (delivered or
 * failed) before it too, and those deliveries: the delivery log of each endpoint then keeps
 * what ended within the retention period and everything still queued. Works in batches, each
 * in a transaction of its own, so writers and the delivery worker wait for no long lock; runs
 * beside other processes pruning at the same time (`SKIP LOCKED`).
 */
export async function pruneWebhookLog(db: Database, options: PruneOptions): Promise<PruneReport> {
  const { before, batchSize = 500 } = options;
  const report: PruneReport = { events: 0, deliveries: 0 };
  for (;;) {
    const done = await db.tx(async (db) => {
      const events = await db.query<{ brand_id: string; id: string }>(sql`
        SELECT e.brand_id, e.id FROM webhook_events e
        WHERE e.created_at < ${before}
          AND NOT EXISTS (
            SELECT 1 FROM webhook_deliveries d
            WHERE d.brand_id = e.brand_id AND d.event_id = e.id
              AND (d.status = 'queued' OR d.updated_at >= ${before})
          )
        ORDER BY e.created_at
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED`);
      if (!events.length) return true;
      const keys = sql`unnest(${events.map((e) => e.brand_id)}::text[], ${events.map((e) => e.id)}::text[]) AS k(brand_id, id)`;
      // checked again as they are deleted: a delivery replayed meanwhile stays, and its event
      const deliveries = await db.query<{ id: string }>(sql`
        DELETE FROM webhook_deliveries d USING ${keys}
        WHERE d.brand_id = k.brand_id AND d.event_id = k.id
          AND d.status <> 'queued' AND d.updated_at < ${before}
        RETURNING d.id`);
      const deleted = await db.query<{ id: string }>(sql`
        DELETE FROM webhook_events e USING ${keys}
        WHERE e.brand_id = k.brand_id AND e.id = k.id
          AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.brand_id = e.brand_id AND d.event_id = e.id)
        RETURNING e.id`);
      report.events += deleted.length;
      report.deliveries += deliveries.length;
      return events.length < batchSize;
    });
    if (done) return report;
  }
}
