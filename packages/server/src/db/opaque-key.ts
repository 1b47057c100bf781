import pg from '@databases/pg';
import type { SQLQuery } from '@databases/pg';

const { sql } = pg;

/**
 * A brand or enrollment id the planner cannot read: `brand_id = ${opaqueKey(id)}` is estimated
 * at an average brand's (or enrollment's) share of the rows, not at what the statistics last
 * said of this one. Use it where a key that starts with such a column finds a few rows (an
 * order id, a conversion or click id, a visitor's recent click). A brand or enrollment created
 * or grown since the table was last analyzed is estimated at no rows at all, and the planner
 * may then take any other index that starts with the same column and read all of its rows for
 * each row looked up, instead of probing the key.
 */
export function opaqueKey(id: string): SQLQuery {
  return sql`(SELECT ${id}::text)`;
}
