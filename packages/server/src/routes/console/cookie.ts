import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../http/context.js';
import { CONSOLE_SECONDS } from '../../brand-sessions/sessions.js';

/** The console sign-in: the secret of a `console` brand session, sent only to `/console`. */
export const CONSOLE_COOKIE = 'affdash_console';
const CONSOLE_PATH = '/console';

function isHttps(c: Context<AppEnv>): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.get('deps').config.publicUrl.startsWith('https:');
}

export function readConsoleCookie(c: Context<AppEnv>): string | null {
  const value = getCookie(c, CONSOLE_COOKIE);
  return value && /^affdash_bs_[A-Za-z0-9_-]{20,64}$/.test(value) ? value : null;
}

export function setConsoleCookie(c: Context<AppEnv>, secret: string): void {
  setCookie(c, CONSOLE_COOKIE, secret, {
    path: CONSOLE_PATH,
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    maxAge: CONSOLE_SECONDS,
  });
}

export function clearConsoleCookie(c: Context<AppEnv>): void {
  deleteCookie(c, CONSOLE_COOKIE, { path: CONSOLE_PATH, httpOnly: true, sameSite: 'Lax', secure: isHttps(c) });
}
