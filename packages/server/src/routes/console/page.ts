import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import type { BrandProfile, Language } from '@affdash/core';
import type { BrandSessionRow } from '../../brand-sessions/sessions.js';
import type { ConsoleOffer } from '../../console/queries.js';
import type { AppEnv } from '../../http/context.js';
import { page } from '../../pages/layout.js';
import { BRAND_WIDGET_PATH } from '../../widget/file.js';
import { consoleWords, statusWord } from './words.js';

/**
 * The console page: the brand's name and logo, the staff user and a sign-out, the offers in
 * the session's scope, and the chosen offer's members (`<affdash-offer-members>`), in the
 * brand's look (its accent and font reach the components through `--affdash-*`) and in
 * `language` (the components are given it too). The components get their client secrets from
 * `POST /console/client-secret` (the cookie).
 */
export function consolePage(
  c: Context<AppEnv>,
  session: BrandSessionRow,
  profile: BrandProfile,
  offers: ConsoleOffer[],
  current: ConsoleOffer | undefined,
  language: Language,
) {
  const w = consoleWords(language);
  // a language chosen with ?locale= stays chosen from offer to offer
  const keepLocale = c.req.query('locale') ? `&locale=${language}` : '';
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
  <form method="post" action="/console/sign-out"><button type="submit">${w.signOut}</button></form>
</header>
<div class="console">
  <nav aria-label="${w.offers}">
    <h2>${w.offers}</h2>
    <ul>
      ${offers.map(
        (o) => html`<li><a href="/console?offer=${o.id}${keepLocale}" ${o.id === current?.id ? raw('aria-current="page"') : ''}>${o.name}</a>
          <span class="status">${statusWord(w, o.status)}</span></li>`,
      )}
    </ul>
  </nav>
  <main>
    ${canOffers ? html`<affdash-offers api-base="" theme="${profile.theme}" locale="${language}"></affdash-offers>` : ''}
    ${current
      ? html`<h1>${current.name}</h1>
          ${canMembers
            ? html`<affdash-offer-members offer="${current.id}" api-base="" theme="${profile.theme}" locale="${language}"></affdash-offer-members>`
            : html`<p>${w.noMembers}</p>`}`
      : html`<h1>${w.noOffersTitle}</h1><p>${w.noOffersBody}</p>`}
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
  document.addEventListener('affdash-offer-select', (e) => {
    const params = new URLSearchParams(location.search);
    params.set('offer', e.detail.offerId);
    location.search = params.toString();
  });
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
  @media (max-width: 720px) {
    .console-bar { flex-wrap: wrap; padding: 10px 16px; }
    .console { grid-template-columns: minmax(0, 1fr); min-height: 0; }
    nav { padding: 12px 16px; border-right: 0; border-bottom: 1px solid var(--border); }
    nav ul { display: flex; flex-wrap: wrap; gap: 4px 20px; }
    nav li { padding: 4px 0; }
    .console > main { padding: 12px; }
    h1 { margin: 16px 0 12px; }
  }
</style>
<script type="module" src="${BRAND_WIDGET_PATH}"></script>`;
  c.header('Vary', 'Accept-Language');
  return c.html(page({ title: `${profile.displayName} · ${w.console}`, language, profile, brandBar: false }, body, head));
}
