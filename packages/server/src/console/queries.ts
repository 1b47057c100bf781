import pg from '@databases/pg';
import type { BrandSessionRow } from '../brand-sessions/sessions.js';
import type { Database } from '../db/index.js';

const { sql } = pg;

/** An offer as the console's list shows it. */
export interface ConsoleOffer {
  id: string;
  name: string;
  status: string;
}

/** The offers in a console sign-in's scope, newest first (at most 200). */
export function consoleOffers(db: Database, session: BrandSessionRow): Promise<ConsoleOffer[]> {
  return db.query<ConsoleOffer>(sql`
    SELECT id, name, status FROM offers WHERE brand_id = ${session.brand_id}
    ${session.offer_ids ? sql`AND id IN (${sql.join(session.offer_ids.map((id) => sql`${id}`), sql`, `)})` : sql``}
    ORDER BY created_at DESC, id DESC LIMIT 200`);
}
