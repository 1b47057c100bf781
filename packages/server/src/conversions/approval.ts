import pg from '@databases/pg';
import type { Database } from '../db/index.js';
import { startPoller, type Poller } from '../jobs/poller.js';
import { AUTO_APPROVAL } from './events.js';
import { conversionColumns, type ConversionRow } from './rows.js';
import { moveStatus } from './status.js';

const { sql } = pg;

export interface ApprovalOptions {
  /** Conversions approved per transaction. */
  batchSize?: number;
}

/**
 * Approves every pending conversion whose hold period is over (`expected_approval_at <= now`),
 * batch after batch. Each batch is claimed with `FOR UPDATE SKIP LOCKED`, so several processes
 * share the work and a conversion a brand is changing at that moment is left for the next
 * round; each batch's approvals go through the same path as a manual one, one statement per
 * brand (totals, and events by `system:auto_approval`). Returns how many were approved.
 */
export async function approveDue(db: Database, now: Date = new Date(), options: ApprovalOptions = {}): Promise<number> {
  const { batchSize = 500 } = options;
  let approved = 0;
  for (;;) {
    const count = await db.tx(async (db) => {
      const rows = await db.query<ConversionRow>(sql`
        SELECT ${conversionColumns} FROM conversions c
        JOIN enrollments e ON e.brand_id = c.brand_id AND e.id = c.enrollment_id
        WHERE c.status = 'pending' AND c.expected_approval_at <= ${now}
        ORDER BY c.expected_approval_at, c.brand_id, c.id
        LIMIT ${batchSize}
        FOR UPDATE OF c SKIP LOCKED`);
      // brand by brand, in one order, so two approvers never wait on each other
      const brands = [...new Set(rows.map((row) => row.brand_id))].sort();
      for (const brandId of brands) {
        const mine = rows.filter((row) => row.brand_id === brandId);
        mine.sort((a, b) => a.enrollment_id.localeCompare(b.enrollment_id));
        await moveStatus(db, brandId, mine, { status: 'approved' }, AUTO_APPROVAL);
      }
      return rows.length;
    });
    approved += count;
    if (count < batchSize) return approved;
  }
}

/** `runOnce(now?)` approves what is due now; `stop()` ends polling. */
export type ApprovalWorker = Poller<Date, number>;

/**
 * Runs `approveDue` every `intervalMs` (a minute by default) in this process: `affdash serve`,
 * `demo --serve` and `npm start` start it beside email delivery.
 */
export function startAutoApproval(
  db: Database,
  options: ApprovalOptions & { intervalMs?: number; onError?: (error: unknown) => void } = {},
): ApprovalWorker {
  const { intervalMs = 60_000, onError = (e) => console.error('[auto-approval]', e) } = options;
  return startPoller((now?: Date) => approveDue(db, now ?? new Date(), options), { intervalMs, onError });
}
