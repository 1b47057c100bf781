import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { BrandSessionRow } from '../../brand-sessions/sessions.js';
import type { AppEnv } from '../../http/context.js';
import { page } from '../../pages/layout.js';

/** The console page: the brand's name and logo, a sign-out, and the brand components. */
export function consolePage(c: Context<AppEnv>, session: BrandSessionRow, brand: { name: string; logo_url: string | null }) {
  const nonce = randomBytes(16).toString('base64');
  c.header(
    'Content-Security-Policy',
    `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self' 'unsafe-inline'; ` +
      `img-src 'self' https: data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`,
  );
  const body = html`<header class="console-bar">
  ${brand.logo_url ? html`<img src="${brand.logo_url}" alt="" width="32" height="32">` : ''}
  <strong>${brand.name}</strong>
  <span class="who">${session.staff_name}</span>
  <form method="post" action="/console/sign-out"><button type="submit">Sign out</button></form>
</header>
<main><p>Console</p></main>`;
  return c.html(page(`${brand.name} · Console`, body));
}
