import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { BrandProfile } from '@affdash/core';
import type { BrandSessionRow } from '../../brand-sessions/sessions.js';
import type { ConsoleOffer } from '../../console/queries.js';
import type { AppEnv } from '../../http/context.js';
import { page } from '../../pages/layout.js';
import { BRAND_WIDGET_PATH } from '../../widget/file.js';

/**
 * The console page: the brand's name and logo, the staff user and a sign-out, the offers in
 * the session's scope, and the chosen offer's members (`<affdash-offer-members>`), in the
 * brand's look (its accent and font reach the components through `--affdash-*`). The
 * components get their client secrets from `POST /console/client-secret` (the cookie).
 */
export function consolePage(
  c: Context<AppEnv>,
  session: BrandSessionRow,
  profile: BrandProfile,
  offers: ConsoleOffer[],
  current: ConsoleOffer | undefined,
) {
  const nonce = randomBytes(16).toString('base64');
  c.header(
    'Content-Security-Policy',
    `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self' 'unsafe-inline'; ` +
      `img-src 'self' https: data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`,
  );
  const canMembers = session.components.includes('members');
  const canOffers = session.components.includes('offers');
  const body = html`<header class="console-bar">
  ${profile.logoUrl ? html`<img src="${profile.logoUrl}" alt="" width="32" height="32">` : ''}
  <strong class="brand">${profile.displayName}</strong>
  <span class="who">${session.staff_name}</span>
  <form method="post" action="/console/sign-out"><button type="submit">Sign out</button></form>
</header>
<div class="console">
  <nav aria-label="Offers">
    <h2>Offers</h2>
    <ul>
      ${offers.map(
        (o) => html`<li><a href="/console?offer=${o.id}" ${o.id === current?.id ? raw('aria-current="page"') : ''}>${o.name}</a>
          <span class="status">${o.status}</span></li>`,
      )}
    </ul>
  </nav>
  <main>
    ${canOffers ? html`<affdash-offers api-base="" theme="${profile.theme}"></affdash-offers>` : ''}
    ${current
      ? html`<h1>${current.name}</h1>
          ${canMembers
            ? html`<affdash-offer-members offer="${current.id}" api-base="" theme="${profile.theme}"></affdash-offer-members>`
            : html`<p>This sign-in does not include the members of an offer.</p>`}`
      : html`<h1>No offers yet</h1><p>Create an offer with the API or the SDK to see its members here.</p>`}
  </main>
</div>
<script type="module" nonce="${nonce}">
  const fetchClientSecret = async () => {
    const res = await fetch('/console/client-secret', { method: 'POST', credentials: 'same-origin' });
    if (res.status === 401) { location.reload(); throw new Error('Signed out'); }
    if (!res.ok) throw new Error('Could not get a client secret');
    return res.json();
  };
  for (const el of document.querySelectorAll('affdash-offer-members, affdash-offers')) el.fetchClientSecret = fetchClientSecret;
  document.addEventListener('affdash-offer-select', (e) => { location.search = '?offer=' + encodeURIComponent(e.detail.offerId); });
</script>`;
  const head = html`<style>
  .console > main { max-width: none; min-width: 0; margin: 0; padding: 24px; }
  .console-bar { display: flex; align-items: center; gap: 12px; padding: 12px 24px; border-bottom: 1px solid var(--border); background: var(--surface); }
  .console-bar img { border-radius: 8px; object-fit: contain; }
  .console-bar .brand { flex: 1; font-size: 1.1rem; }
  .console-bar .who { color: var(--muted); }
  .console-bar button { min-height: 32px; padding: 0 12px; border: 1px solid var(--border); border-radius: 8px; background: var(--surface); color: inherit; font: inherit; cursor: pointer; }
  .console { display: grid; grid-template-columns: minmax(180px, 240px) 1fr; min-height: calc(100vh - 58px); }
  nav { padding: 16px 24px; border-right: 1px solid var(--border); }
  nav h2 { margin: 0 0 8px; font-size: 0.8rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
  nav ul { margin: 0; padding: 0; list-style: none; }
  nav li { display: flex; justify-content: space-between; gap: 8px; padding: 6px 0; }
  nav a { color: inherit; }
  nav a[aria-current=page] { font-weight: 600; }
  nav .status { color: var(--muted); font-size: 0.8rem; }
  h1 { margin: 24px 0 16px; font-size: 1.4rem; }
</style>
<script type="module" src="${BRAND_WIDGET_PATH}"></script>`;
  return c.html(page({ title: `${profile.displayName} · Console`, language: 'en', profile, brandBar: false }, body, head));
}
