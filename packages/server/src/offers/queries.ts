import pg from '@databases/pg';
import type { AttributionRule, CommissionStructure, Offer, OfferUtm, PageQuery } from '@affdash/core';
import type { z } from 'zod';
import type { Database } from '../db/index.js';
import { cursorAt, decodeCursor, toPage, type CursorRow } from '../http/cursor.js';
import { updateSet } from '../http/update-set.js';
import { newId } from '../keys/random.js';
import type { OfferCreate as OfferCreateSchema, OfferUpdate as OfferUpdateSchema } from '@affdash/core';

const { sql } = pg;

export interface OfferRow {
  brand_id: string;
  id: string;
  name: string;
  description: string;
  status: Offer['status'];
  currency: string;
  commission: CommissionStructure;
  hold_days: number;
  destination_url: string;
  code_prefix: string | null;
  payout_minimum: number;
  payout_schedule: Offer['payoutSchedule'];
  utm: OfferUtm | null;
  attribution: AttributionRule;
  metadata: Record<string, string>;
  created_at: Date;
  updated_at: Date;
}

export function toOffer(row: OfferRow): Offer {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    currency: row.currency,
    commission: row.commission,
    holdDays: row.hold_days,
    destinationUrl: row.destination_url,
    codePrefix: row.code_prefix,
    payoutMinimum: row.payout_minimum,
    payoutSchedule: row.payout_schedule,
    utm: row.utm,
    attribution: row.attribution,
    metadata: row.metadata,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

type NewOffer = z.output<typeof OfferCreateSchema>;
type OfferPatch = z.output<typeof OfferUpdateSchema>;

export async function insertOffer(db: Database, brandId: string, o: NewOffer): Promise<Offer> {
  const [row] = await db.query<OfferRow>(sql`
    INSERT INTO offers (brand_id, id, name, description, status, currency, commission,
                        hold_days, destination_url, code_prefix, payout_minimum, payout_schedule, metadata, utm, attribution)
    VALUES (${brandId}, ${newId('off')}, ${o.name}, ${o.description}, ${o.status}, ${o.currency},
            ${JSON.stringify(o.commission)}, ${o.holdDays}, ${o.destinationUrl},
            ${o.codePrefix ?? null}, ${o.payoutMinimum}, ${o.payoutSchedule}, ${JSON.stringify(o.metadata)},
            ${o.utm ? JSON.stringify(o.utm) : null}, ${o.attribution})
    RETURNING *`);
  return toOffer(row!);
}

export async function findOffer(db: Database, brandId: string, id: string): Promise<OfferRow | null> {
  const [row] = await db.query<OfferRow>(
    sql`SELECT * FROM offers WHERE brand_id = ${brandId} AND id = ${id}`,
  );
  return row ?? null;
}

/** The brand's offers, newest first; with `only`, just those of them (a brand session's scope). */
export async function listOffers(db: Database, brandId: string, page: PageQuery, only?: string[] | null) {
  const after = decodeCursor(page.cursor);
  const rows = await db.query<OfferRow & CursorRow>(sql`
    SELECT *, ${cursorAt(sql`created_at`)} FROM offers WHERE brand_id = ${brandId}
    ${only ? sql`AND id IN (${sql.join(only.map((id) => sql`${id}`), sql`, `)})` : sql``}
    ${after ? sql`AND (created_at, id) < (${after.at}::timestamptz, ${after.id})` : sql``}
    ORDER BY created_at DESC, id DESC LIMIT ${page.limit + 1}`);
  return toPage(rows, page.limit, (r) => [r.cursor_at, r.id], toOffer);
}

export async function updateOffer(
  db: Database,
  brandId: string,
  id: string,
  patch: OfferPatch,
): Promise<Offer | null> {
  const [row] = await db.query<OfferRow>(sql`
    UPDATE offers SET ${updateSet(patch, {
      name: 'name',
      description: 'description',
      commission: 'commission',
      holdDays: 'hold_days',
      destinationUrl: 'destination_url',
      codePrefix: 'code_prefix',
      payoutMinimum: 'payout_minimum',
      payoutSchedule: 'payout_schedule',
      status: 'status',
      metadata: 'metadata',
      utm: 'utm',
      attribution: 'attribution',
    })}
    WHERE brand_id = ${brandId} AND id = ${id} RETURNING *`);
  return row ? toOffer(row) : null;
}
