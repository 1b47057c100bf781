import pg from '@databases/pg';
import { Hono, type Context } from 'hono';
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
import type { AppEnv } from '../../http/context.js';
import { ApiError } from '../../http/errors.js';
import { noticePage } from '../../pages/layout.js';
import { consolePage, type ConsoleOffer } from './page.js';
import { clearConsoleCookie, readConsoleCookie, setConsoleCookie } from './cookie.js';

const { sql } = pg;

function pageHeaders(c: Context<AppEnv>): void {
  c.header('Cache-Control', 'private, no-store');
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

/** The console speaks English; its components follow the page's language. */
const ENGLISH = { language: 'en', profile: null } as const;

const signedOut = () =>
  noticePage(ENGLISH, { title: 'Sign in to the console', body: 'Ask your admin for a new console login link; each one opens the console once.' });

/**
 * `/console`: the hosted brand console. `/console/login/:secret` (a one-time login link from
 * `POST /v1/brand-sessions` with `return: "login_url"`) signs in with a cookie and moves to
 * `/console`, so the link leaves the address bar; the page's components get their client
 * secrets from `POST /console/client-secret`; `POST /console/sign-out` ends the sign-in and
 * every secret it handed out.
 */
export function consoleRoutes() {
  return new Hono<AppEnv>()
    .get('/login/:secret', async (c) => {
      pageHeaders(c);
      const secret = c.req.param('secret');
      const used = /^affdash_bs_[A-Za-z0-9_-]{20,64}$/.test(secret) ? await useLoginLink(c.get('deps').db, secret) : null;
      if (!used) {
        return c.html(
          noticePage(ENGLISH, {
            title: 'This login link cannot be used',
            body: 'Each console login link opens the console once, shortly after it was made. Ask for a new one.',
          }),
          404,
        );
      }
      await recordAudit(c.get('deps').db, used.row.brand_id, {
        action: 'console.signed_in',
        actor: { type: 'brand_session', session: toClaims(used.row) },
        requestId: c.get('requestId'),
        details: { loginLinkId: used.link.id },
      });
      setConsoleCookie(c, used.secret);
      return c.redirect('/console', 303);
    })
    .get('/', async (c) => {
      pageHeaders(c);
      const session = await signedIn(c);
      if (!session) {
        if (readConsoleCookie(c)) clearConsoleCookie(c);
        return c.html(signedOut(), 401);
      }
      const { db } = c.get('deps');
      const profile = await brandProfile(db, session.brand_id);
      const offers = await db.query<ConsoleOffer>(sql`
        SELECT id, name, status FROM offers WHERE brand_id = ${session.brand_id}
        ${session.offer_ids ? sql`AND id IN (${sql.join(session.offer_ids.map((id) => sql`${id}`), sql`, `)})` : sql``}
        ORDER BY created_at DESC, id DESC LIMIT 200`);
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
      return consolePage(c, session, profile, offers, current);
    })
    .post('/client-secret', async (c) => {
      c.header('Cache-Control', 'no-store');
      if (!sameOrigin(c)) throw new ApiError('forbidden', 'The console answers its own pages only.');
      const session = await signedIn(c);
      if (!session) throw new ApiError('unauthorized', 'Signed out of the console: open a new login link.');
      const { row, secret } = await consoleClientSecret(c.get('deps').db, session);
      return c.json({ clientSecret: secret, expiresAt: row.expires_at.toISOString() }, 201);
    })
    .post('/sign-out', async (c) => {
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
