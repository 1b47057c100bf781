import type { Context } from 'hono';
import type { Language } from '@affdash/core';
import { recordAudit, recordRead } from '../../brand-sessions/audit.js';
import {
  consoleClientSecret,
  findLiveSession,
  revokeSession,
  toClaims,
  useLoginLink,
  type BrandSessionRow,
} from '../../brand-sessions/sessions.js';
import { brandProfile } from '../../brand-profile/index.js';
import { consoleOffers } from '../../console/queries.js';
import type { AppEnv } from '../../http/context.js';
import { ApiError, PageError } from '../../http/errors.js';
import { Auth, Media, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { pageLanguage } from '../../pages/language.js';
import { noticePage } from '../../pages/layout.js';
import { ConsoleClientSecret } from '../../openapi/schemas.js';
import { consolePage } from './page.js';
import { clearConsoleCookie, readConsoleCookie, setConsoleCookie } from './cookie.js';
import { consoleWords } from './words.js';

function pageHeaders(c: Context<AppEnv>): void {
  c.header('Cache-Control', 'private, no-store');
  c.header('Vary', 'Accept-Language');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Content-Type-Options', 'nosniff');
}

/** The console sign-in behind the cookie, when it is live. */
async function signedIn(c: Context<AppEnv>): Promise<BrandSessionRow | null> {
  const secret = readConsoleCookie(c);
  if (!secret) return null;
  const found = await findLiveSession(c.get('deps').db, secret, 'console');
  return 'row' in found ? found.row : null;
}

/** A POST from a page of another origin is refused: the cookie only serves the console itself. */
function sameOrigin(c: Context<AppEnv>): boolean {
  const origin = c.req.header('origin');
  return !origin || origin === new URL(c.req.url).origin || origin === c.get('deps').config.publicUrl;
}

/**
 * The language of a console page: `?locale=`, else the browser's, else the brand's default
 * (when the brand is known), else English. The components on it are given the same.
 */
function consoleLanguage(c: Context<AppEnv>, brandDefault?: Language) {
  return pageLanguage({ query: c.req.query('locale'), acceptLanguage: c.req.header('accept-language'), brandDefault });
}

const signedOut = (c: Context<AppEnv>) => {
  const language = consoleLanguage(c);
  const w = consoleWords(language);
  return new PageError('unauthorized', 'Signed out of the console: open a new login link.', {
    status: 401,
    render: () => noticePage({ language, profile: null }, { title: w.signedOutTitle, body: w.signedOutBody }),
  });
};

const unusableLink = (c: Context<AppEnv>) => {
  const language = consoleLanguage(c);
  const w = consoleWords(language);
  return new PageError('not_found', 'This console login link cannot be used.', {
    status: 404,
    render: () => noticePage({ language, profile: null }, { title: w.unusableTitle, body: w.unusableBody }),
  });
};

const consoleArea = { tag: 'Console', auth: Auth.consoleSession } as const;
const SAME_ORIGIN = 'A POST from a page of another origin is refused (403 `forbidden`): the cookie only serves the console itself.';

const login = route({
  method: 'get',
  path: '/login/{secret}',
  tag: 'Public',
  auth: Auth.none,
  summary: 'A one-time console login link: signs in with a cookie and moves to /console',
  description:
    'The `loginUrl` of `POST /v1/brand-sessions` with `return: "login_url"`: opens the console once, within the ' +
    'session\'s `expiresIn`. It sets the `affdash_console` cookie (Path=/console, HttpOnly, SameSite=Lax, 8 hours) ' +
    'and answers 303 to `/console`, so the secret leaves the address bar; the sign-in is recorded in the audit trail.',
  responses: {
    303: { description: 'Signed in; on to `/console`' },
    404: { description: 'The link was used, expired or is unknown (an HTML page)', media: Media.html },
  },
});

const home = route({
  ...consoleArea,
  method: 'get',
  path: '/',
  operationId: 'getConsole',
  summary: 'The hosted brand console',
  description:
    "The console page: the brand's name and logo, the staff user and a sign-out, the offers in the sign-in's " +
    "scope (`?offer=` chooses one; the newest by default) and the chosen offer's members, through the brand " +
    'components the sign-in enables, in the reader\'s language (`?locale=`, else `Accept-Language`, else the ' +
    "brand's `defaultLocale`, else English). Signed out, a 401 page asking for a new login link.",
  responses: {
    200: { description: 'The console page', media: Media.html },
    401: { description: 'Signed out (an HTML page)', media: Media.html },
  },
});

const clientSecret = route({
  ...consoleArea,
  method: 'post',
  path: '/client-secret',
  summary: "A short-lived client secret for the console's components",
  description:
    "A 15-minute client secret for the console page's components (their `fetchClientSecret`), within the " +
    `sign-in's components and offers. Signed out, 401 \`unauthorized\`. ${SAME_ORIGIN}`,
  responses: { 201: { description: 'Created', schema: ConsoleClientSecret } },
  errors: ['unauthorized', 'forbidden'],
});

const signOut = route({
  ...consoleArea,
  method: 'post',
  path: '/sign-out',
  summary: 'End the console sign-in and every client secret it handed out',
  description: `Revokes the sign-in and every client secret it handed out, clears the cookie and answers 303 to \`/console\`. ${SAME_ORIGIN}`,
  responses: { 303: { description: 'Signed out; on to `/console`' } },
  errors: ['forbidden'],
});

/**
 * `/console`: the hosted brand console. `/console/login/:secret` (a one-time login link from
 * `POST /v1/brand-sessions` with `return: "login_url"`) signs in with a cookie and moves to
 * `/console`, so the link leaves the address bar; the page's components get their client
 * secrets from `POST /console/client-secret`; `POST /console/sign-out` ends the sign-in and
 * every secret it handed out.
 */
export function consoleRoutes() {
  return router()
    .openapi(login, async (c) => {
      pageHeaders(c);
      const secret = c.req.param('secret');
      const used = /^affdash_bs_[A-Za-z0-9_-]{20,64}$/.test(secret) ? await useLoginLink(c.get('deps').db, secret) : null;
      if (!used) throw unusableLink(c);
      await recordAudit(c.get('deps').db, used.row.brand_id, {
        action: 'console.signed_in',
        actor: { type: 'brand_session', session: toClaims(used.row) },
        requestId: c.get('requestId'),
        details: { loginLinkId: used.link.id },
      });
      setConsoleCookie(c, used.secret);
      return c.redirect('/console', 303);
    })
    .openapi(home, async (c) => {
      pageHeaders(c);
      const session = await signedIn(c);
      if (!session) {
        if (readConsoleCookie(c)) clearConsoleCookie(c);
        throw signedOut(c);
      }
      const { db } = c.get('deps');
      const profile = await brandProfile(db, session.brand_id);
      const offers = await consoleOffers(db, session);
      const wanted = c.req.query('offer');
      const current = offers.find((o) => o.id === wanted) ?? offers[0];
      // the offers list is a read of the sign-in's: recorded once
      await recordRead(db, session.brand_id, {
        action: 'GET /console',
        session: toClaims(session),
        method: 'GET',
        path: c.req.path,
        status: 200,
        requestId: c.get('requestId'),
      });
      return consolePage(c, session, profile, offers, current, consoleLanguage(c, profile.defaultLocale));
    })
    .openapi(clientSecret, async (c) => {
      c.header('Cache-Control', 'no-store');
      if (!sameOrigin(c)) throw new ApiError('forbidden', 'The console answers its own pages only.');
      const session = await signedIn(c);
      if (!session) throw new ApiError('unauthorized', 'Signed out of the console: open a new login link.');
      const { row, secret } = await consoleClientSecret(c.get('deps').db, session);
      return c.json({ clientSecret: secret, expiresAt: row.expires_at.toISOString() }, 201);
    })
    .openapi(signOut, async (c) => {
      if (!sameOrigin(c)) throw new ApiError('forbidden', 'The console answers its own pages only.');
      const session = await signedIn(c);
      if (session) {
        const { db } = c.get('deps');
        await revokeSession(db, session.brand_id, session.id);
        await recordAudit(db, session.brand_id, {
          action: 'console.signed_out',
          actor: { type: 'brand_session', session: toClaims(session) },
          requestId: c.get('requestId'),
        });
      }
      clearConsoleCookie(c);
      return c.redirect('/console', 303);
    });
}
