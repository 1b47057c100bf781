import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { openLinkRequestContext, requestDashboardLink } from '../../dashboard-links/requests.js';
import type { AppEnv } from '../../http/context.js';
import { noticePage } from '../../pages/layout.js';
import { builtInLanguage } from '../../pages/language.js';
import { fillWords, pageWords } from '../../pages/words/index.js';
import { dashboardPage, mint } from './page.js';
import { linkNotice, readerLanguage, requestLinkForm, REQUEST_LINK_PATH } from './notices.js';
import { clearSessionCookie, readSession, setSessionCookie } from './session.js';
import { findByLink, findBySession, findTarget, type LinkTarget } from './target.js';

function pageHeaders(c: Context<AppEnv>): void {
  c.header('Cache-Control', 'private, no-store');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Content-Type-Options', 'nosniff');
}

/** Whether a member may open the dashboard of this enrollment (an ended one shows a notice). */
const opens = (target: LinkTarget) => target.status !== 'ended';

const sessionPage = async (c: Context<AppEnv>) => {
  pageHeaders(c);
  const found = await findBySession(c);
  if (found?.valid && opens(found.target)) return dashboardPage(c, found.target);
  if (readSession(c)) clearSessionCookie(c);
  if (!found) return c.html(linkNotice(c, 'noSession', null), 401);
  if (found.target.status === 'ended') return c.html(linkNotice(c, 'ended', found.target), 410);
  return c.html(linkNotice(c, 'revoked', found.target), 401);
};

const RequestLinkForm = z.object({
  context: z.string().max(300),
  email: z.string().max(320),
  locale: z.string().max(35).optional(),
});

/**
 * `/d`: a member's hosted dashboard (mounted at the root: `/d/` and `/d` are both the session
 * page). `/d/:link` (the link from the email) sets a session cookie and serves the page,
 * which moves itself to `/d/`; `/d/` serves it again from the cookie, and `POST /d/token`
 * refreshes its token. A link that no longer works says why; where the page knows the
 * member's offer, it offers to email them the current link (`POST /d/request-link`).
 */
export function hostedRoutes() {
  return new Hono<AppEnv>()
    .get('/d/', sessionPage)
    .get('/d', sessionPage)
    .post('/d/token', async (c) => {
      c.header('Cache-Control', 'no-store');
      const found = await findBySession(c);
      if (!found?.valid || !opens(found.target)) {
        if (readSession(c)) clearSessionCookie(c);
        return c.json(
          { error: { code: 'unauthorized', message: 'Open the dashboard link from your email again.' } },
          401,
        );
      }
      return c.json(await mint(c, found.target), 201);
    })
    .post(REQUEST_LINK_PATH, async (c) => {
      pageHeaders(c);
      const form = RequestLinkForm.safeParse(await c.req.parseBody().catch(() => ({})));
      const { keys, db, links } = c.get('deps');
      const context = form.success ? openLinkRequestContext(keys, form.data.context) : null;
      const found = context ? await findTarget(c, context.brandId, context.enrollmentId) : null;
      if (!form.success || !context || !found) return c.html(linkNotice(c, 'unknown', null, form.data?.locale), 400);
      const language = readerLanguage(c, found.profile, builtInLanguage(form.data.locale) ?? undefined);
      const words = pageWords(language);
      const frame = { language, profile: found.profile };
      const email = form.data.email.trim();
      if (!z.email().safeParse(email).success) {
        const title = fillWords(words.replacedTitle, { brand: found.profile.displayName });
        return c.html(
          noticePage(frame, {
            title,
            body: fillWords(words.replacedBody, { brand: found.profile.displayName, offer: found.offer_name }),
            extra: requestLinkForm(c, found, language, words, words.badEmail),
          }),
          400,
        );
      }
      const outcome = await requestDashboardLink(db, links, context, email);
      if (outcome === 'throttled') {
        return c.html(noticePage(frame, { title: words.tooMany, body: words.noSessionBody }), 429);
      }
      // the same answer whether or not the address is a member's
      const slots = { brand: found.profile.displayName, offer: found.offer_name, email };
      return c.html(noticePage(frame, { title: words.sentTitle, body: fillWords(words.sentBody, slots) }), 200);
    })
    .get('/d/:link', async (c) => {
      pageHeaders(c);
      const found = await findByLink(c);
      if (!found) return c.html(linkNotice(c, 'unknown', null), 404);
      if (found.kind === 'replaced') return c.html(linkNotice(c, 'replaced', found.target), 410);
      if (!opens(found.target)) return c.html(linkNotice(c, 'ended', found.target), 410);
      setSessionCookie(c, { brandId: found.target.brand_id, enrollmentId: found.target.id }, found.target.link_hash);
      return dashboardPage(c, found.target);
    })
    /** Kept for pages opened before the session cookie existed. */
    .post('/d/:link/token', async (c) => {
      const found = await findByLink(c);
      c.header('Cache-Control', 'no-store');
      if (found?.kind !== 'current' || !opens(found.target)) {
        return c.json({ error: { code: 'not_found', message: 'This dashboard link is not valid.' } }, 404);
      }
      return c.json(await mint(c, found.target), 201);
    });
}
