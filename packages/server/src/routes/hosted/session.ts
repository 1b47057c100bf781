import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../http/context.js';
import type { ServerKeys } from '../../keys/server-keys.js';

/** The cookie that lets a hosted page reload and refresh its token once the link left the URL. */
export const SESSION_COOKIE = 'affdash_session';
/** Where the cookie is sent: only the hosted pages. */
export const SESSION_PATH = '/d';
/** How long a browser keeps the session; the link itself keeps working for longer. */
const SESSION_SECONDS = 30 * 24 * 60 * 60;

/** What a hosted session names: one enrollment, at the link it was opened with. */
export interface HostedSession {
  brandId: string;
  enrollmentId: string;
}

const ID = /^[A-Za-z0-9_]{1,64}$/;

function sessionKey(keys: ServerKeys): Buffer {
  return createHmac('sha256', keys.linkKey).update('hosted-session').digest();
}

/**
 * The seal binds the session to the enrollment's current link hash: rotating the link
 * changes the hash, so every session opened with the old link stops working at once.
 */
function seal(keys: ServerKeys, session: HostedSession, linkHash: string): Buffer {
  return createHmac('sha256', sessionKey(keys))
    .update(`${session.brandId}.${session.enrollmentId}.${linkHash}`)
    .digest();
}

/** `<brand id>.<enrollment id>.<seal>`: opaque to the browser, unforgeable without the server secret. */
export function sessionValue(keys: ServerKeys, session: HostedSession, linkHash: string): string {
  return `${session.brandId}.${session.enrollmentId}.${seal(keys, session, linkHash).toString('base64url')}`;
}

/** Reads the session cookie's claim; `verifySession` checks it against the stored link hash. */
export function readSession(c: Context<AppEnv>): (HostedSession & { mac: Buffer }) | null {
  const value = getCookie(c, SESSION_COOKIE);
  const [brandId, enrollmentId, mac, extra] = (value ?? '').split('.');
  if (extra !== undefined || !brandId || !enrollmentId || !mac) return null;
  if (!ID.test(brandId) || !ID.test(enrollmentId) || !/^[A-Za-z0-9_-]{43}$/.test(mac)) return null;
  return { brandId, enrollmentId, mac: Buffer.from(mac, 'base64url') };
}

export function verifySession(keys: ServerKeys, claim: HostedSession & { mac: Buffer }, linkHash: string): boolean {
  const expected = seal(keys, claim, linkHash);
  return expected.length === claim.mac.length && timingSafeEqual(expected, claim.mac);
}

function isHttps(c: Context<AppEnv>): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.get('deps').config.publicUrl.startsWith('https:');
}

export function setSessionCookie(c: Context<AppEnv>, session: HostedSession, linkHash: string): void {
  setCookie(c, SESSION_COOKIE, sessionValue(c.get('deps').keys, session, linkHash), {
    path: SESSION_PATH,
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    maxAge: SESSION_SECONDS,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  setCookie(c, SESSION_COOKIE, '', {
    path: SESSION_PATH,
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    maxAge: 0,
  });
}
