import { randomBytes } from 'node:crypto';
import pg from '@databases/pg';
import { Hono, type Context } from 'hono';
import { html, raw } from 'hono/html';
import type { AppEnv } from '../../http/context.js';
import { mintServerToken } from '../../keys/dashboard-tokens.js';
import { hashSecret } from '../../keys/random.js';
import { noticePage, page } from '../../pages/layout.js';
import { WIDGET_PATH } from '../widget/index.js';

const { sql } = pg;
/** Hosted pages hold a token for 15 minutes and refresh it through `POST /d/:link/token`. */
const HOSTED_TOKEN_SECONDS = 15 * 60;

interface LinkTarget {
  brand_id: string;
  id: string;
  status: string;
  brand_name: string;
  offer_name: string;
}

async function findByLink(c: Context<AppEnv>): Promise<LinkTarget | null> {
  const link = c.req.param('link') ?? '';
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(link)) return null;
  const [row] = await c.get('deps').db.query<LinkTarget>(sql`
    SELECT e.brand_id, e.id, e.status, b.name AS brand_name, o.name AS offer_name
    FROM enrollments e
    JOIN brands b ON b.id = e.brand_id
    JOIN offers o ON o.brand_id = e.brand_id AND o.id = e.offer_id
    WHERE e.link_hash = ${hashSecret(link)}`);
  return row && row.status !== 'ended' ? row : null;
}

const unknownLink = () =>
  noticePage(
    'This dashboard link is not valid',
    'It may have been replaced by a newer link. Use the most recent email from the brand, or ask them to send your dashboard link again.',
  );

/** JSON for a `<script type="application/json">` block: `<` cannot close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** `/d/:link`: a member's hosted dashboard, behind their personal link. */
export function hostedRoutes() {
  return new Hono<AppEnv>()
    .get('/:link', async (c) => {
      const target = await findByLink(c);
      c.header('Cache-Control', 'private, no-store');
      c.header('Referrer-Policy', 'no-referrer');
      c.header('X-Content-Type-Options', 'nosniff');
      if (!target) return c.html(unknownLink(), 404);
      const token = await mintServerToken(
        c.get('deps').keys,
        { brandId: target.brand_id, enrollmentId: target.id },
        HOSTED_TOKEN_SECONDS,
      );
      const nonce = randomBytes(16).toString('base64');
      c.header(
        'Content-Security-Policy',
        `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self' 'unsafe-inline'; ` +
          `img-src 'self' https: data:; connect-src 'self'; frame-ancestors 'self'; base-uri 'none'`,
      );
      const title = `${target.offer_name} · ${target.brand_name}`;
      const body = html`<main>
  <affiliate-dashboard api-base=""></affiliate-dashboard>
</main>
<script type="application/json" id="affdash-token">${raw(scriptJson(token))}</script>
<script type="module" nonce="${nonce}">
  const el = document.querySelector('affiliate-dashboard');
  const refreshUrl = location.pathname.replace(/\\/$/, '') + '/token';
  el.tokenProvider = async () => {
    const res = await fetch(refreshUrl, { method: 'POST' });
    if (!res.ok) throw new Error('Could not refresh the dashboard token');
    return (await res.json()).token;
  };
  el.token = JSON.parse(document.getElementById('affdash-token').textContent).token;
</script>`;
      return c.html(page(title, body, html`<script type="module" src="${WIDGET_PATH}"></script>`));
    })
    .post('/:link/token', async (c) => {
      const target = await findByLink(c);
      c.header('Cache-Control', 'no-store');
      if (!target) {
        return c.json({ error: { code: 'not_found', message: 'This dashboard link is not valid.' } }, 404);
      }
      const token = await mintServerToken(
        c.get('deps').keys,
        { brandId: target.brand_id, enrollmentId: target.id },
        HOSTED_TOKEN_SECONDS,
      );
      return c.json(token, 201);
    });
}
