import { DashboardToken } from '@affdash/core';
import type { Context } from 'hono';
import { z } from 'zod';
import { openLinkRequestContext, requestDashboardLink } from '../../dashboard-links/requests.js';
import { findByLink, findBySession, findTarget, type LinkTarget } from '../../hosted/target.js';
import { hostedToken } from '../../hosted/token.js';
import type { AppEnv } from '../../http/context.js';
import { PageError } from '../../http/errors.js';
import { Auth, Media, route, type Answer } from '../../http/route.js';
import { router } from '../../http/router.js';
import { noticePage } from '../../pages/layout.js';
import { builtInLanguage } from '../../pages/language.js';
import { fillWords, pageWords } from '../../pages/words/index.js';
import { dashboardOpens } from '../../dashboard/readable.js';
import { dashboardPage } from './page.js';
import { linkNotice, readerLanguage, requestLinkForm, REQUEST_LINK_PATH, type NoticeKind } from './notices.js';
import { clearSessionCookie, readSession, setSessionCookie } from './cookie.js';

function pageHeaders(c: Context<AppEnv>): void {
  c.header('Cache-Control', 'private, no-store');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Content-Type-Options', 'nosniff');
}

/**
 * Whether a member may open the dashboard of this enrollment: an ended one shows a notice,
 * unless its brand keeps ended enrollments readable (then it opens read-only).
 */
const opens = (target: LinkTarget) => dashboardOpens(target.status, target.profile.endedEnrollmentAccess);

/** A dashboard link that opens no dashboard: its notice on the page, a 404 body on `POST /d/{link}/token`. */
function linkError(c: Context<AppEnv>, kind: 'unknown' | 'replaced' | 'ended', target: LinkTarget | null) {
  return new PageError('not_found', 'This dashboard link is not valid.', {
    status: kind === 'unknown' ? 404 : 410,
    render: () => linkNotice(c, kind, target),
  });
}

/** A session that opens no dashboard: its notice on the page, a 401 body on `POST /d/token`. */
function sessionError(c: Context<AppEnv>, kind: Extract<NoticeKind, 'noSession' | 'revoked' | 'ended'>, target: LinkTarget | null) {
  return new PageError('unauthorized', 'Open the dashboard link from your email again.', {
    status: kind === 'ended' ? 410 : 401,
    render: () => linkNotice(c, kind, target),
  });
}

/** The enrollment the dashboard link in the path opens; else the error saying why. */
async function linkTarget(c: Context<AppEnv>): Promise<LinkTarget> {
  const found = await findByLink(c.get('deps').db, c.req.param('link') ?? '');
  if (!found) throw linkError(c, 'unknown', null);
  if (found.kind === 'replaced') throw linkError(c, 'replaced', found.target);
  if (!opens(found.target)) throw linkError(c, 'ended', found.target);
  return found.target;
}

/** The enrollment the session cookie opens; else (the cookie cleared) the error saying why. */
async function sessionTarget(c: Context<AppEnv>): Promise<LinkTarget> {
  const { db, keys } = c.get('deps');
  const claim = readSession(c);
  const found = await findBySession(db, keys, claim);
  if (found?.valid && opens(found.target)) return found.target;
  if (claim) clearSessionCookie(c);
  if (!found) throw sessionError(c, 'noSession', null);
  if (found.target.status === 'ended') throw sessionError(c, 'ended', found.target);
  throw sessionError(c, 'revoked', found.target);
}

const RequestLinkForm = z.object({
  context: z.string().max(300),
  email: z.string().max(320),
  locale: z.string().max(35).optional(),
});

const page = (description: string): Answer => ({ description, media: Media.html });
const open = { tag: 'Public', auth: Auth.none } as const;
const hosted = { tag: 'Public', auth: Auth.hostedSession } as const;

const LANGUAGE =
  'The page speaks `?locale=` (kept through the move to `/d/`), else the member\'s `locale`, else the browser\'s ' +
  '`Accept-Language` among `en`, `de`, `es`, `fr` and `pt`, else the brand profile\'s `defaultLocale`, in the ' +
  "brand's look (display name, logo, accent, font, theme).";

const linkPage = route({
  ...open,
  method: 'get',
  path: '/d/{link}',
  summary: "A member's hosted dashboard page; sets the session cookie",
  description:
    "The member's dashboard as a page, with the first screen and a 15-minute dashboard token inline, so it paints " +
    'with no API request; a paused enrollment or offer opens with a note saying so. It sets the session cookie ' +
    '`affdash_session` (HttpOnly, SameSite=Lax, Path=/d, Secure over https, 30 days), sealed to the link\'s current ' +
    'hash so rotating the link or ending the enrollment signs out every session opened with it, and moves itself ' +
    `to \`/d/\`, so the link leaves the address bar. ${LANGUAGE} An unknown link answers a 404 notice; a replaced ` +
    'link (after `rotate-dashboard-link`) a 410 notice with a form to get the current one by email, an ended ' +
    "enrollment a 410 notice with a way to write to the brand (`replyTo`). The page may be framed by the brand's " +
    'allowed origins (by any, when it lists none).',
  responses: {
    200: page('The dashboard page'),
    404: page('The link is not valid (an HTML page)'),
    410: page('The link was replaced, or the enrollment ended (an HTML page saying what to do)'),
  },
});

/** `/d` and `/d/`: the same page; `/d/` is where the page moves itself, `/d` is documented. */
const sessionPageSpec = {
  ...hosted,
  method: 'get',
  summary: 'The hosted dashboard page again, from the session cookie',
  description:
    'The dashboard page again from the session cookie: a reload once the page moved to `/d/`. Without a valid ' +
    'session, a 401 notice: with no cookie, to open the link from the email; when the link was replaced or access ' +
    `withdrawn, "signed out" with a form to get the current link by email. An ended enrollment is a 410 notice. ${LANGUAGE}`,
  responses: {
    200: page('The dashboard page'),
    401: page('No valid session: open the link from the email, or ask for the current link (an HTML page)'),
    410: page('The enrollment ended (an HTML page)'),
  },
} as const;
const sessionPage = route({ ...sessionPageSpec, path: '/d', operationId: 'getD' });
const sessionPageSlash = route({ ...sessionPageSpec, path: '/d/', operationId: 'getDSlash', hide: true });

const sessionToken = route({
  ...hosted,
  method: 'post',
  path: '/d/token',
  summary: 'A fresh dashboard token for the hosted page, from the session cookie',
  description:
    'A fresh 15-minute dashboard token for the hosted page, from its session cookie: the widget refreshes its ' +
    'token through it. Without a valid session, 401 `unauthorized` (and the cookie is cleared).',
  responses: { 201: { description: 'Created', schema: DashboardToken } },
  errors: ['unauthorized'],
});

const requestLink = route({
  ...open,
  method: 'post',
  path: REQUEST_LINK_PATH,
  summary: "A member asks for their current dashboard link by email (an HTML form's POST: `context`, `email`, `locale`)",
  description:
    'The form of the replaced-link and signed-out notices (form-encoded `context`, `email`, `locale`): when the ' +
    'address is that of a member enrolled (not ended) in the link\'s offer, the "sales tracking items" email with ' +
    'the current dashboard link is queued to it. The answer is the same whether or not the address is known; each ' +
    'request is logged (the address only as a keyed hash) and throttled to 3 per address and 10 per link an hour.',
  responses: {
    200: page('The same answer whether or not the address is a member’s (an HTML page)'),
    400: page('Not a valid address, or a form this server did not make (an HTML page)'),
    429: page('Too many requests for this address or link (an HTML page)'),
  },
});

const linkToken = route({
  ...open,
  method: 'post',
  path: '/d/{link}/token',
  summary: 'A fresh dashboard token from the dashboard link itself',
  description:
    'A fresh 15-minute dashboard token from the dashboard link itself: the hosted page falls back to it in a ' +
    'cross-site frame, where browsers withhold the session cookie (and pages opened before the cookie existed use ' +
    'it). 404 `not_found` when the link is unknown or replaced, or its enrollment ended.',
  responses: { 201: { description: 'Created', schema: DashboardToken } },
  errors: ['not_found'],
});

const servePage = async (c: Context<AppEnv>) => {
  pageHeaders(c);
  return dashboardPage(c, await sessionTarget(c));
};

/**
 * `/d`: a member's hosted dashboard (mounted at the root: `/d/` and `/d` are both the session
 * page). `/d/{link}` (the link from the email) sets a session cookie and serves the page,
 * which moves itself to `/d/`; `/d/` serves it again from the cookie, and `POST /d/token`
 * refreshes its token. A link that no longer works says why (a `PageError`: its notice on the
 * pages, the JSON error body on the token routes); where the page knows the member's offer,
 * it offers to email them the current link (`POST /d/request-link`).
 */
export function hostedRoutes() {
  return router()
    .openapi(sessionPageSlash, servePage)
    .openapi(sessionPage, servePage)
    .openapi(sessionToken, async (c) => {
      c.header('Cache-Control', 'no-store');
      const target = await sessionTarget(c);
      return c.json(await hostedToken(c.get('deps').keys, target), 201);
    })
    .openapi(requestLink, async (c) => {
      pageHeaders(c);
      const form = RequestLinkForm.safeParse(await c.req.parseBody().catch(() => ({})));
      const { keys, db, links } = c.get('deps');
      const context = form.success ? openLinkRequestContext(keys, form.data.context) : null;
      const found = context ? await findTarget(db, context.brandId, context.enrollmentId) : null;
      if (!form.success || !context || !found) {
        throw new PageError('bad_request', 'This form was not made by this server.', {
          status: 400,
          render: () => linkNotice(c, 'unknown', null, form.data?.locale),
        });
      }
      const language = readerLanguage(c, found.profile, builtInLanguage(form.data.locale) ?? undefined);
      const words = pageWords(language);
      const frame = { language, profile: found.profile };
      const email = form.data.email.trim();
      if (!z.email().safeParse(email).success) {
        throw new PageError('bad_request', 'email: not a valid address', {
          status: 400,
          render: () =>
            noticePage(frame, {
              title: fillWords(words.replacedTitle, { brand: found.profile.displayName }),
              body: fillWords(words.replacedBody, { brand: found.profile.displayName, offer: found.offer_name }),
              extra: requestLinkForm(c, found, language, words, words.badEmail),
            }),
        });
      }
      const outcome = await requestDashboardLink(db, links, context, email);
      if (outcome === 'throttled') {
        throw new PageError('rate_limited', 'Too many requests for this address or link.', {
          status: 429,
          render: () => noticePage(frame, { title: words.tooMany, body: words.noSessionBody }),
        });
      }
      // the same answer whether or not the address is a member's
      const slots = { brand: found.profile.displayName, offer: found.offer_name, email };
      return c.html(noticePage(frame, { title: words.sentTitle, body: fillWords(words.sentBody, slots) }), 200);
    })
    .openapi(linkPage, async (c) => {
      pageHeaders(c);
      const target = await linkTarget(c);
      setSessionCookie(c, { brandId: target.brand_id, enrollmentId: target.id }, target.link_hash);
      return dashboardPage(c, target);
    })
    .openapi(linkToken, async (c) => {
      c.header('Cache-Control', 'no-store');
      const target = await linkTarget(c);
      return c.json(await hostedToken(c.get('deps').keys, target), 201);
    });
}
