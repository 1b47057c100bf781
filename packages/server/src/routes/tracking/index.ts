import pg from '@databases/pg';
import { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import type { OfferUtm } from '@affdash/core';
import { brandProfile } from '../../brand-profile/index.js';
import { trackingNotice } from './notice.js';
import { recordClick } from './clicks.js';
import { clientIp, isAutomated, visitorHash } from './visitor.js';

const { sql } = pg;

/**
 * `/t/:slug`: a member's tracking link. Records the click and sends the visitor on to the
 * offer's destination with the click id (`affdash_click`) and the offer's UTM parameters.
 * Crawlers, link previews and prefetches are sent on without a click; one visitor's repeated
 * clicks within 30 minutes count once and get the same click id.
 */
export function trackingRoutes() {
  return new Hono<AppEnv>().get('/:slug', async (c) => {
    const { db } = c.get('deps');
    const [target] = await db.query<{
      brand_id: string;
      id: string;
      status: string;
      offer_status: string;
      destination_url: string;
      utm: OfferUtm | null;
    }>(sql`
      SELECT e.brand_id, e.id, e.status, o.status AS offer_status, o.destination_url, o.utm
      FROM enrollments e JOIN offers o ON o.brand_id = e.brand_id AND o.id = e.offer_id
      WHERE e.tracking_slug = ${c.req.param('slug')}`);
    if (!target) return c.html(trackingNotice(c, null), 404);
    if (target.status !== 'active' || target.offer_status !== 'active') {
      return c.html(trackingNotice(c, { ...target, profile: await brandProfile(db, target.brand_id) }), 410);
    }
    const destination = new URL(target.destination_url);
    for (const [key, value] of Object.entries(target.utm ?? {})) {
      if (value) destination.searchParams.set(`utm_${key}`, value);
    }
    if (!isAutomated(c)) {
      const userAgent = c.req.header('user-agent') ?? '';
      const clickId = await recordClick(db, target, (at) =>
        visitorHash(c.get('deps').keys.visitorKey, clientIp(c), userAgent, at),
      );
      destination.searchParams.set('affdash_click', clickId);
    }
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer-when-downgrade');
    return c.redirect(destination.toString(), 302);
  });
}
