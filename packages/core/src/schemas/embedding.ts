import { z } from 'zod';
import { Text } from './common.js';

/** How many origins a brand may list. */
export const MAX_ALLOWED_ORIGINS = 50;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);
/**
 * A host as both a browser's `Origin` and a CSP host-source carry it: dot-separated labels of
 * letters, digits and inner hyphens (an IPv4 address is such a name too). The URL parser lets
 * through hosts such as `*` or `shop.example;sandbox`, which would widen or break the
 * `frame-ancestors` directive they go into: they are not origins.
 */
const HOST = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * Reads `value` as a serialized web origin (`https://shop.example`, `http://localhost:5173`):
 * scheme, host and port only, no path, query, fragment or credentials, no wildcard, no IPv6
 * literal (a CSP host-source cannot name one); normalized as browsers send `Origin` (lower case,
 * default port dropped, punycode host). https, or http for localhost / 127.0.0.1. Returns the
 * normalized origin, or null.
 */
export function parseOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.origin === 'null' || url.username || url.password) return null;
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(value)) return null;
  if (!HOST.test(url.hostname)) return null;
  if (url.protocol === 'https:') return url.origin;
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return url.origin;
  return null;
}

/** One allowed origin: sent as typed, stored and returned normalized. */
export const AllowedOrigin = Text
  .max(200)
  .refine(
    (value) => parseOrigin(value) !== null,
    'must be an origin like https://shop.example or https://shop.example:8443, without wildcards (http only for localhost and 127.0.0.1)',
  )
  .overwrite((value) => parseOrigin(value)!);

/**
 * The origins a brand embeds its members' dashboards on. Only they may call the dashboard API
 * from a browser and frame the hosted page; none listed means any (for development).
 */
export const AllowedOrigins = z.object({
  origins: z
    .array(AllowedOrigin)
    .max(MAX_ALLOWED_ORIGINS, `at most ${MAX_ALLOWED_ORIGINS} origins`)
    .overwrite((origins) => [...new Set(origins)]),
});
export type AllowedOrigins = z.infer<typeof AllowedOrigins>;
export type AllowedOriginsUpdate = z.input<typeof AllowedOrigins>;
