import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../http/context.js';
import { parseSessionValue, sessionValue, type HostedSession, type SessionClaim } from '../../hosted/session.js';

/** The cookie that lets a hosted page reload and refresh its token once the link left the URL. */
export const SESSION_COOKIE = 'affdash_session';
/** Where the cookie is sent: only the hosted pages. */
export const SESSION_PATH = '/d';
/** How long a browser keeps the session; the link itself keeps working for longer. */
const SESSION_SECONDS = 30 * 24 * 60 * 60;

/** Reads the session cookie's claim; `verifySession` checks it against the stored link hash. */
export function readSession(c: Context<AppEnv>): SessionClaim | null {
  return parseSessionValue(getCookie(c, SESSION_COOKIE));
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
