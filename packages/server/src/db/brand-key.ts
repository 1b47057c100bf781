import pg from '@databases/pg';
import type { SQLQuery } from '@databases/pg';

const { sql } = pg;

/**
 * A brand id the planner cannot read: `brand_id = ${brandKey(id)}` is estimated at an average
 * brand's share of the rows, not at what the statistics last said of this brand. Use it where
 * a key starting with `brand_id` finds one row (an order id, a conversion or click id). A brand
 * created or grown since the table was last analyzed is estimated at no rows at all, and the
 * planner may then take any index that starts with `brand_id` and read the brand's every row
 * for each row looked up, instead of probing the key.
 */
export function brandKey(brandId: string): SQLQuery {
  return sql`(SELECT ${brandId}::text)`;
}
