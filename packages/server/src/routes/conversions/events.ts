import pg from '@databases/pg';
import type { ConversionEvent, ConversionStatus } from '@affdash/core';
import type { Database } from '../../db/index.js';
import { newId } from '../../keys/random.js';

const { sql } = pg;

/** Who made a status change: an API key, or the approval that follows the hold period. */
export type Actor = `api_key:${string}` | 'system:auto_approval';

export const AUTO_APPROVAL: Actor = 'system:auto_approval';

export function apiKeyActor(apiKeyId: string): Actor {
  return `api_key:${apiKeyId}`;
}

interface EventRow {
  id: string;
  conversion_id: string;
  from_status: ConversionStatus | null;
  to_status: ConversionStatus;
  reason: string | null;
  actor: string;
  at: Date;
}

/** Records one status change; call inside the transaction that makes it. */
export async function recordEvent(
  db: Database,
  brandId: string,
  conversionId: string,
  event: { from: ConversionStatus | null; to: ConversionStatus; reason: string | null; actor: string },
): Promise<void> {
  await db.query(sql`
    INSERT INTO conversion_events (brand_id, id, conversion_id, from_status, to_status, reason, actor)
    VALUES (${brandId}, ${newId('cev')}, ${conversionId}, ${event.from}, ${event.to}, ${event.reason},
            ${event.actor})`);
}

/** Records that conversions were created pending, one event each, in one statement. */
export async function recordCreations(
  db: Database,
  brandId: string,
  conversionIds: readonly string[],
  actor: string,
): Promise<void> {
  if (!conversionIds.length) return;
  await db.query(sql`
    INSERT INTO conversion_events (brand_id, id, conversion_id, from_status, to_status, reason, actor)
    SELECT ${brandId}, u.id, u.conversion_id, NULL, 'pending', NULL, ${actor}
    FROM unnest(${conversionIds.map(() => newId('cev'))}::text[], ${conversionIds}::text[])
      AS u(id, conversion_id)`);
}

/** A conversion's status changes, oldest first. */
export async function listEvents(db: Database, brandId: string, conversionId: string): Promise<ConversionEvent[]> {
  const rows = await db.query<EventRow>(sql`
    SELECT id, conversion_id, from_status, to_status, reason, actor, at FROM conversion_events
    WHERE brand_id = ${brandId} AND conversion_id = ${conversionId}
    ORDER BY at, (from_status IS NOT NULL), id`);
  return rows.map((r) => ({
    id: r.id,
    conversionId: r.conversion_id,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    reason: r.reason,
    actor: r.actor,
    at: r.at.toISOString(),
  }));
}
