import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import { firstScreenJson } from '../../dashboard/first-screen-bodies.js';
import { allowedOrigins, frameAncestors } from '../../embedding/allowed-origins.js';
import type { LinkTarget } from '../../hosted/target.js';
import { hostedToken } from '../../hosted/token.js';
import type { AppEnv } from '../../http/context.js';
import { page } from '../../pages/layout.js';
import { fillWords, pageWords } from '../../pages/words/index.js';
import { widgetUrl } from '../../widget/file.js';
import { readerLanguage } from './notices.js';

/** JSON text for a `<script type="application/json">` block: `<` cannot close the element. */
function scriptText(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const scriptJson = (value: unknown) => scriptText(JSON.stringify(value));

/**
 * The dashboard page, in the reader's language and the brand's look. The first screen (with
 * the words of that language) is inside the element as JSON, so the widget paints it without
 * a request. The page's script first takes the link out of the address bar (the session
 * cookie now stands for it), then hands the widget its token and a way to refresh it. If a
 * browser withholds the cookie (a cross-site frame), the refresh falls back to the link,
 * which the script keeps in memory only. The page may be framed by the brand's allowed origins
 * (by any, when it lists none).
 */
export async function dashboardPage(c: Context<AppEnv>, target: LinkTarget) {
  const deps = c.get('deps');
  const { db, keys, widgetFile } = deps;
  const language = readerLanguage(c, target.profile, undefined, target.member_locale);
  const grant = { brandId: target.brand_id, enrollmentId: target.id };
  const [token, origins, { json: dashboard }, widget] = await Promise.all([
    hostedToken(keys, target),
    allowedOrigins(db, target.brand_id),
    firstScreenJson(deps, grant, language),
    widgetUrl(widgetFile),
  ]);
  const nonce = randomBytes(16).toString('base64');
  c.header(
    'Content-Security-Policy',
    `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self' 'unsafe-inline'; ` +
      `img-src 'self' https: data:; connect-src 'self'; frame-ancestors ${frameAncestors(origins)}; base-uri 'none'`,
  );
  const words = pageWords(language);
  const paused = target.status === 'paused' || target.offer_status === 'paused';
  const banner = paused
    ? html`<p class="banner" role="status">${fillWords(words.pausedBanner, { brand: target.profile.displayName })}</p>`
    : '';
  const title = `${target.offer_name} · ${target.profile.displayName}`;
  const body = html`<main>
  ${banner}<affiliate-dashboard api-base="" locale="${language}" theme="${target.profile.theme}"><script type="application/json">${raw(scriptText(dashboard))}</script></affiliate-dashboard>
</main>
<script type="application/json" id="affdash-token">${raw(scriptJson(token))}</script>
<script type="module" nonce="${nonce}">
  const link = /^\\/d\\/[A-Za-z0-9_-]{20,100}$/.test(location.pathname) ? location.pathname : null;
  history.replaceState(null, '', '/d/' + location.search);
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
  return c.html(
    page(
      { title, language, profile: target.profile, languageLinks: '/d/' },
      body,
      html`<script type="module" src="${widget}"></script>`,
    ),
  );
}
