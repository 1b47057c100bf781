import { Hono } from 'hono';
import type { AppEnv } from '../../http/context.js';
import { noticePage } from '../../pages/layout.js';
import { clickFor } from './clicks.js';
import { withClickId } from './link-targets.js';
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
    const { linkTargets, clicks, keys } = c.get('deps');
    const target = await linkTargets.get(c.req.param('slug'));
    if (!target) {
      return c.html(
        noticePage('This link does not exist', 'Check the address, or ask whoever shared it for a new one.'),
        404,
      );
    }
    if (target.state !== 'active') {
      return c.html(
        noticePage('This offer is not available right now', 'The link you followed is paused or has ended.'),
        410,
      );
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
