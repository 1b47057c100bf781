import pg from '@databases/pg';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { newId } from '../../keys/random.js';
import { noticePage } from '../../pages/layout.js';
import { applyTotals } from '../../totals/queries.js';

const { sql } = pg;

/** `/t/:slug`: a member's tracking link. Records the click and sends the visitor on. */
export function trackingRoutes() {
  return new Hono<AppEnv>().get('/:slug', async (c) => {
    const { db } = c.get('deps');
    const [target] = await db.query<{
      brand_id: string;
      id: string;
      status: string;
      offer_status: string;
      destination_url: string;
    }>(sql`
      SELECT e.brand_id, e.id, e.status, o.status AS offer_status, o.destination_url
      FROM enrollments e JOIN offers o ON o.brand_id = e.brand_id AND o.id = e.offer_id
      WHERE e.tracking_slug = ${c.req.param('slug')}`);
    if (!target) {
      return c.html(
        noticePage('This link does not exist', 'Check the address, or ask whoever shared it for a new one.'),
        404,
      );
    }
    if (target.status !== 'active' || target.offer_status !== 'active') {
      return c.html(
        noticePage('This offer is not available right now', 'The link you followed is paused or has ended.'),
        410,
      );
    }
    const clickId = newId('clk');
    await db.tx(async (db) => {
      await db.query(sql`
        INSERT INTO clicks (brand_id, id, enrollment_id) VALUES (${target.brand_id}, ${clickId}, ${target.id})`);
      await applyTotals(db, target.brand_id, target.id, { clicks: 1 });
    });
    const destination = new URL(target.destination_url);
    destination.searchParams.set('affdash_click', clickId);
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer-when-downgrade');
    return c.redirect(destination.toString(), 302);
  });
}
