import pg from '@databases/pg';
import type { ConversionEvent, ConversionStatus } from '@affdash/core';
import type { Database } from '../db/index.js';
import { opaqueKey } from '../db/opaque-key.js';

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

/**
 * A conversion's status changes, oldest first: its recording (pending, from its own row: the
 * event's id is the conversion's with the prefix `cev_`), then the changes after it.
 */
export async function listEvents(db: Database, brandId: string, conversionId: string): Promise<ConversionEvent[]> {
  const rows = await db.query<EventRow>(sql`
    SELECT * FROM (
      SELECT 'cev_' || substr(id, 5) AS id, id AS conversion_id, NULL::text AS from_status,
             'pending' AS to_status, NULL::text AS reason, recorded_by AS actor, created_at AS at
      FROM conversions WHERE brand_id = ${opaqueKey(brandId)} AND id = ${conversionId}
      UNION ALL
      SELECT id, conversion_id, from_status, to_status, reason, actor, at FROM conversion_events
      WHERE brand_id = ${brandId} AND conversion_id = ${conversionId}
    ) AS e
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
