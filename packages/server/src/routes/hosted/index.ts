import { randomBytes } from 'node:crypto';
import pg from '@databases/pg';
import { Hono, type Context } from 'hono';
import { html, raw } from 'hono/html';
import type { AppEnv } from '../../http/context.js';
import { mintServerToken } from '../../keys/dashboard-tokens.js';
import { hashSecret } from '../../keys/random.js';
import { noticePage, page } from '../../pages/layout.js';
import { WIDGET_PATH } from '../widget/index.js';
import { allowedOrigins, frameAncestors } from '../../embedding/allowed-origins.js';
import { clearSessionCookie, readSession, setSessionCookie, verifySession } from './session.js';

const { sql } = pg;
/** Hosted pages hold a token for 15 minutes and refresh it through `POST /d/token`. */
const HOSTED_TOKEN_SECONDS = 15 * 60;

interface LinkTarget {
  brand_id: string;
  id: string;
  status: string;
  link_hash: string;
  brand_name: string;
  offer_name: string;
}

const TARGET = sql`
  SELECT e.brand_id, e.id, e.status, e.link_hash, b.name AS brand_name, o.name AS offer_name
  FROM enrollments e
  JOIN brands b ON b.id = e.brand_id
  JOIN offers o ON o.brand_id = e.brand_id AND o.id = e.offer_id`;

async function findByLink(c: Context<AppEnv>): Promise<LinkTarget | null> {
  const link = c.req.param('link') ?? '';
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(link)) return null;
  const [row] = await c.get('deps').db.query<LinkTarget>(sql`${TARGET} WHERE e.link_hash = ${hashSecret(link)}`);
  return row && row.status !== 'ended' ? row : null;
}

/** The enrollment behind the session cookie, if the cookie is genuine and the link unchanged. */
async function findBySession(c: Context<AppEnv>): Promise<LinkTarget | null> {
  const claim = readSession(c);
  if (!claim) return null;
  const [row] = await c.get('deps').db.query<LinkTarget>(sql`
    ${TARGET} WHERE e.brand_id = ${claim.brandId} AND e.id = ${claim.enrollmentId}`);
  if (!row || row.status === 'ended') return null;
  return verifySession(c.get('deps').keys, claim, row.link_hash) ? row : null;
}

const unknownLink = () =>
  noticePage(
    'This dashboard link is not valid',
    'It may have been replaced by a newer link. Use the most recent email from the brand, or ask them to send your dashboard link again.',
  );

const noSession = () =>
  noticePage(
    'Open your dashboard from your email',
    'For your privacy this page needs your personal dashboard link. Open it from the most recent email from the brand.',
  );

/** JSON for a `<script type="application/json">` block: `<` cannot close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function pageHeaders(c: Context<AppEnv>): void {
  c.header('Cache-Control', 'private, no-store');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Content-Type-Options', 'nosniff');
}

function mint(c: Context<AppEnv>, target: LinkTarget) {
  return mintServerToken(
    c.get('deps').keys,
    { brandId: target.brand_id, enrollmentId: target.id },
    HOSTED_TOKEN_SECONDS,
  );
}

/**
 * The dashboard page. Its script first takes the link out of the address bar (the session
 * cookie now stands for it), then hands the widget its token and a way to refresh it. If a
 * browser withholds the cookie (a cross-site frame), the refresh falls back to the link,
 * which the script keeps in memory only. The page may be framed by the brand's allowed origins
 * (by any, when it lists none).
 */
async function dashboardPage(c: Context<AppEnv>, target: LinkTarget) {
  const [token, origins] = await Promise.all([
    mint(c, target),
    allowedOrigins(c.get('deps').db, target.brand_id),
  ]);
  const nonce = randomBytes(16).toString('base64');
  c.header(
    'Content-Security-Policy',
    `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self' 'unsafe-inline'; ` +
      `img-src 'self' https: data:; connect-src 'self'; frame-ancestors ${frameAncestors(origins)}; base-uri 'none'`,
  );
  const title = `${target.offer_name} · ${target.brand_name}`;
  const body = html`<main>
  <affiliate-dashboard api-base=""></affiliate-dashboard>
</main>
<script type="application/json" id="affdash-token">${raw(scriptJson(token))}</script>
<script type="module" nonce="${nonce}">
  const link = /^\\/d\\/[A-Za-z0-9_-]{20,100}$/.test(location.pathname) ? location.pathname : null;
  history.replaceState(null, '', '/d/');
  const refresh = (url) => fetch(url, { method: 'POST', credentials: 'same-origin' });
  const el = document.querySelector('affiliate-dashboard');
  el.tokenProvider = async () => {
    let res = await refresh('/d/token');
    if (res.status === 401 && link) res = await refresh(link + '/token');
    if (!res.ok) throw new Error('Could not refresh the dashboard token');
    return (await res.json()).token;
  };
  el.token = JSON.parse(document.getElementById('affdash-token').textContent).token;
</script>`;
  return c.html(page(title, body, html`<script type="module" src="${WIDGET_PATH}"></script>`));
}

const sessionPage = async (c: Context<AppEnv>) => {
  pageHeaders(c);
  const target = await findBySession(c);
  if (target) return dashboardPage(c, target);
  if (readSession(c)) clearSessionCookie(c);
  return c.html(noSession(), 401);
};

/**
 * `/d`: a member's hosted dashboard (mounted at the root: `/d/` and `/d` are both the session page). `/d/:link` (the link from the email) sets a session
 * cookie and serves the page, which moves itself to `/d/`; `/d/` serves it again from the
 * cookie, and `POST /d/token` refreshes its token.
 */
export function hostedRoutes() {
  return new Hono<AppEnv>()
    .get('/d/', sessionPage)
    .get('/d', sessionPage)
    .post('/d/token', async (c) => {
      c.header('Cache-Control', 'no-store');
      const target = await findBySession(c);
      if (!target) {
        if (readSession(c)) clearSessionCookie(c);
        return c.json(
          { error: { code: 'unauthorized', message: 'Open the dashboard link from your email again.' } },
          401,
        );
      }
      return c.json(await mint(c, target), 201);
    })
    .get('/d/:link', async (c) => {
      pageHeaders(c);
      const target = await findByLink(c);
      if (!target) return c.html(unknownLink(), 404);
      setSessionCookie(c, { brandId: target.brand_id, enrollmentId: target.id }, target.link_hash);
      return dashboardPage(c, target);
    })
    /** Kept for pages opened before the session cookie existed. */
    .post('/d/:link/token', async (c) => {
      const target = await findByLink(c);
      c.header('Cache-Control', 'no-store');
      if (!target) {
        return c.json({ error: { code: 'not_found', message: 'This dashboard link is not valid.' } }, 404);
      }
      return c.json(await mint(c, target), 201);
    });
}
