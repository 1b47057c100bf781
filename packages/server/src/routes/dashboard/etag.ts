import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/context.js';
import type { DashboardGrant } from '../../keys/dashboard-tokens.js';

/** A dashboard answer may be kept, but is asked after each time (a 304 when unchanged). */
export const REVALIDATE = 'private, no-cache';

/**
 * The strong ETag of a dashboard answer: the enrollment's version, and a digest of what else
 * decides the answer's bytes: the path and query (page, filters, `?locale=`) and the UTC day
 * (the chart's days and the next payout date move with it).
 */
export function dashboardTag(c: Context<AppEnv>, version: number, now = new Date()): string {
  const url = c.req.url;
  const path = url.slice(url.indexOf('/', url.indexOf('//') + 2));
  return `"${version}-${digestOf(`${now.toISOString().slice(0, 10)} ${path}`)}"`;
}

/** Digests of recent day-and-path keys: a reload asks the same few paths again and again. */
const digests = new Map<string, string>();
const DIGESTS_KEPT = 4096;

function digestOf(key: string): string {
  let digest = digests.get(key);
  if (digest === undefined) {
    if (digests.size >= DIGESTS_KEPT) digests.clear();
    digest = createHash('sha256').update(key).digest('base64url').slice(0, 16);
    digests.set(key, digest);
  }
  return digest;
}

/** Whether `If-None-Match` names the tag (weak comparison, as RFC 9110 says for it). */
export function tagMatches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const candidate = t.trim();
    return candidate === '*' || candidate === tag || candidate === `W/${tag}`;
  });
}

/**
 * A 304 straight from this process's version of the dashboard, when the request's
 * `If-None-Match` is current: no query. Null when it cannot tell (build the answer).
 */
export function notModified(c: Context<AppEnv>, grant: DashboardGrant): Response | null {
  const ifNoneMatch = c.req.header('if-none-match');
  if (!ifNoneMatch) return null;
  const version = c.get('deps').dashboardVersions.current(grant.brandId, grant.enrollmentId);
  if (version === undefined) return null;
  const tag = dashboardTag(c, version);
  if (!tagMatches(ifNoneMatch, tag)) return null;
  return unchanged(c, tag);
}

/** Stamps an answer with its tag, and says 304 instead when the client holds it already. */
export function conditional(
  c: Context<AppEnv>,
  grant: DashboardGrant,
  version: number,
  generation: number,
): Response | null {
  c.get('deps').dashboardVersions.note(grant.brandId, grant.enrollmentId, version, generation);
  const tag = dashboardTag(c, version);
  c.header('ETag', tag);
  c.header('Cache-Control', REVALIDATE);
  return tagMatches(c.req.header('if-none-match'), tag) ? unchanged(c, tag) : null;
}

function unchanged(c: Context<AppEnv>, tag: string): Response {
  c.header('ETag', tag);
  c.header('Cache-Control', REVALIDATE);
  return c.body(null, 304);
}
