import { brandProfile } from '../../brand-profile/index.js';
import type { AppEnv } from '../../http/context.js';
import { PageError } from '../../http/errors.js';
import { Auth, Media, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { clickFor } from '../../tracking/clicks.js';
import { withClickId } from '../../tracking/link-targets.js';
import { isAutomated, visitorHash } from '../../tracking/visitor.js';
import { clientAddress } from '../../middleware/rate-limit/index.js';
import { trackingNotice } from './notice.js';

const trackingLink = route({
  method: 'get',
  path: '/{slug}',
  tag: 'Public',
  auth: Auth.none,
  summary: 'Tracking link: record the click and redirect to the offer',
  description:
    "A member's tracking link: records a click and redirects (302, `Cache-Control: no-store`) to the offer's " +
    'destination with the click id `affdash_click` and the offer\'s UTM parameters. Crawlers, link previews and ' +
    'prefetches (a User-Agent that is empty or names a bot, crawler, unfurler, headless browser, HTTP library or ' +
    'monitor; `Purpose` / `Sec-Purpose: prefetch`, `X-Purpose: preview`, `X-Moz: prefetch`) are redirected without ' +
    'a click and without `affdash_click`. One visitor\'s clicks on one link within one half hour (UTC `:00`–`:29`, ' +
    '`:30`–`:59`) count once and carry the same click id, whichever process answers; a visitor is an HMAC of IP ' +
    "address (the connection's peer, or behind `AFFDASH_TRUST_PROXIES` proxies the address the outermost of them " +
    'saw in `X-Forwarded-For`, as for rate limits) and User-Agent with a salt that ' +
    'changes every UTC day, and the IP address is never stored. The answer goes first; clicks are written in ' +
    'batches within 50 ms. An unknown link answers a 404 page; a paused or ended enrollment or offer a 410 page ' +
    "with a way on to the offer's page, without a click.",
  responses: {
    302: { description: "Redirect to the offer's destination with `affdash_click` and its UTM parameters" },
    404: { description: 'No such link (an HTML page)', media: Media.html },
    410: { description: 'The enrollment or offer is paused or ended (an HTML page)', media: Media.html },
  },
});

/**
 * `/t/{slug}`: a member's tracking link. Records the click and sends the visitor on to the
 * offer's destination with the click id (`affdash_click`) and the offer's UTM parameters.
 * Crawlers, link previews and prefetches are sent on without a click; one visitor's repeated
 * clicks within a half hour count once and get the same click id. The answer goes out first:
 * the click waits in memory and is written with others within 50 ms (`ClickBuffer`).
 */
export function trackingRoutes() {
  return router().openapi(trackingLink, async (c) => {
    const { db, linkTargets, clicks, keys, config } = c.get('deps');
    const target = await linkTargets.get(c.req.param('slug'));
    if (!target) {
      throw new PageError('not_found', 'No such tracking link.', { status: 404, render: () => trackingNotice(c, null) });
    }
    if (target.status !== 'active' || target.offer_status !== 'active') {
      const profile = await brandProfile(db, target.brand_id);
      throw new PageError('not_found', 'This tracking link is paused or ended.', {
        status: 410,
        render: () => trackingNotice(c, { ...target, profile }),
      });
    }
    let location = target.destination;
    const header = (name: string) => c.req.header(name);
    if (!isAutomated(header)) {
      const now = new Date();
      // the address as the rate limits take it: X-Forwarded-For only from proxies of your own
      const ip = clientAddress(c, config.trustProxies);
      const hash = visitorHash(keys.visitorKey, ip, header('user-agent') ?? '', now);
      const click = clickFor(keys.visitorKey, target, hash, now);
      clicks.add(click);
      location = withClickId(location, click.id);
    }
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer-when-downgrade');
    return c.redirect(location, 302);
  });
}
