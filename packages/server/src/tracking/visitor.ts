import { createHmac } from 'node:crypto';

/** A request header by its name (lower case), as the request carries it. */
export type HeaderOf = (name: string) => string | undefined;

/**
 * User-Agents of crawlers, link unfurlers and scripted clients, which follow a tracking link
 * without a person behind them: anything calling itself a bot (`Googlebot`, `bingbot`,
 * `Slackbot`, `Twitterbot`, `LinkedInBot`, `Discordbot`, `TelegramBot`, `Pinterestbot`, …),
 * `crawler`, `spider`, `slurp`, link previews (`preview`, `facebookexternalhit`, `Facebot`,
 * `WhatsApp`, `Embedly`, `SkypeUriPreview`), headless browsers (`HeadlessChrome`, `PhantomJS`),
 * HTTP libraries (`curl`, `Wget`, `python-requests`, `python-urllib`, `aiohttp`,
 * `Go-http-client`, `okhttp`, `axios`, `node-fetch`, `undici`, `libwww-perl`, `Java/`), and
 * uptime monitors (`monitor`, `uptime`, `Pingdom`). An empty User-Agent counts as a bot.
 * In-app browsers of social apps (`FBAN`, `Instagram`, `LinkedInApp`) are people and count.
 */
export const BOT_USER_AGENT =
  /bot\b|bot\/|crawler|spider|slurp|preview|facebookexternalhit|facebot|whatsapp\/|embedly|headlesschrome|phantomjs|curl\/|wget\/|python-requests|python-urllib|aiohttp|go-http-client|okhttp|axios\/|node-fetch|undici|libwww-perl|java\/|monitor|uptime|pingdom/i;

/**
 * Requests a browser sends ahead of a click that may never happen: `Purpose: prefetch`,
 * `Sec-Purpose: prefetch` (also `prefetch;prerender`), `X-Purpose: preview`, `X-Moz: prefetch`.
 */
export function isPrefetch(header: HeaderOf): boolean {
  return ['purpose', 'sec-purpose', 'x-purpose', 'x-moz'].some((name) =>
    /prefetch|prerender|preview/i.test(header(name) ?? ''),
  );
}

/** A crawler, an unfurler or a prefetch: redirected like anyone, but not counted as a click. */
export function isAutomated(header: HeaderOf): boolean {
  const userAgent = header('user-agent') ?? '';
  return !userAgent.trim() || BOT_USER_AGENT.test(userAgent) || isPrefetch(header);
}

/** `YYYY-MM-DD` of a moment in UTC. */
function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * The visitor hash for one UTC day: HMAC-SHA256 of IP address and User-Agent, keyed by a salt
 * derived from the server secret and the day. The IP address itself is never stored, and
 * hashes of different days cannot be linked.
 */
export function visitorHash(visitorKey: Buffer, ip: string, userAgent: string, at: Date): string {
  return createHmac('sha256', daySalt(visitorKey, utcDay(at))).update(`${ip}\n${userAgent}`).digest('base64url');
}

/** The last day's salt, kept: one HMAC per click instead of two. */
let lastSalt: { key: Buffer; day: string; salt: Buffer } | undefined;

function daySalt(visitorKey: Buffer, day: string): Buffer {
  if (lastSalt?.key === visitorKey && lastSalt.day === day) return lastSalt.salt;
  const salt = createHmac('sha256', visitorKey).update(day).digest();
  lastSalt = { key: visitorKey, day, salt };
  return salt;
}
