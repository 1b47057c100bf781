import pg from '@databases/pg';
import type { Enrollment } from '@affdash/core';
import type { Database } from '../db/index.js';
import { hashSecret } from '../keys/random.js';
import { dashboardLinkSecret } from '../keys/server-keys.js';
import type { LinkContext } from './links.js';
import { toEnrollment, type EnrollmentRow } from './queries.js';

const { sql } = pg;

/**
 * Replaces an enrollment's dashboard link: the version goes up and the new link's hash is
 * the one that opens the dashboard, so the old link stops working at once (its hash is kept
 * apart, only to tell a member who opens it that it was replaced). Returns the enrollment with the new link.
 */
export async function rotateDashboardLink(
  db: Database,
  ctx: LinkContext,
  brandId: string,
  id: string,
): Promise<Enrollment | null> {
  return db.tx(async (db) => {
    const [current] = await db.query<{ link_version: number; link_hash: string }>(sql`
      SELECT link_version, link_hash FROM enrollments WHERE brand_id = ${brandId} AND id = ${id} FOR UPDATE`);
    if (!current) return null;
    // kept so the old link can say it was replaced, and lead to the current one
    await db.query(sql`
      INSERT INTO replaced_dashboard_links (brand_id, link_hash, enrollment_id)
      VALUES (${brandId}, ${current.link_hash}, ${id}) ON CONFLICT DO NOTHING`);
    const version = current.link_version + 1;
    const [row] = await db.query<EnrollmentRow>(sql`
      UPDATE enrollments
      SET link_version = ${version},
          link_hash = ${hashSecret(dashboardLinkSecret(ctx.keys, brandId, id, version))},
          updated_at = now()
      WHERE brand_id = ${brandId} AND id = ${id} RETURNING *`);
    return toEnrollment(row!, ctx);
  });
}
