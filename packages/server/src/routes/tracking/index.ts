import { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { brandProfile } from '../../brand-profile/index.js';
import { clickFor } from './clicks.js';
import { withClickId } from './link-targets.js';
import { trackingNotice } from './notice.js';
import { clientIp, isAutomated, visitorHash } from './visitor.js';

/**
 * `/t/:slug`: a member's tracking link. Records the click and sends the visitor on to the
 * offer's destination with the click id (`affdash_click`) and the offer's UTM parameters.
 * Crawlers, link previews and prefetches are sent on without a click; one visitor's repeated
 * clicks within a half hour count once and get the same click id. The answer goes out first:
 * the click waits in memory and is written with others within 50 ms (`ClickBuffer`).
 */
export function trackingRoutes() {
  return new Hono<AppEnv>().get('/:slug', async (c) => {
    const { db, linkTargets, clicks, keys } = c.get('deps');
    const target = await linkTargets.get(c.req.param('slug'));
    if (!target) return c.html(trackingNotice(c, null), 404);
    if (target.status !== 'active' || target.offer_status !== 'active') {
      return c.html(trackingNotice(c, { ...target, profile: await brandProfile(db, target.brand_id) }), 410);
    }
    let location = target.destination;
    if (!isAutomated(c)) {
      const now = new Date();
      const hash = visitorHash(keys.visitorKey, clientIp(c), c.req.header('user-agent') ?? '', now);
      const click = clickFor(keys.visitorKey, target, hash, now);
      clicks.add(click);
      location = withClickId(location, click.id);
    }
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer-when-downgrade');
    return c.redirect(location, 302);
  });
}
