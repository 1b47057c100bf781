import type { Context } from 'hono';
import { html } from 'hono/html';
import type { BrandProfile } from '@affdash/core';
import { emailWordsFor, fillWords } from '@affdash/core/messages';
import type { AppEnv } from '../../http/context.js';
import { Auth, Media, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { brandProfile } from '../../brand-profile/index.js';
import {
  findUnsubscribeSubject,
  optOut,
  readUnsubscribeToken,
  unsubscribeTokenBrand,
  type UnsubscribeTarget,
} from '../../email/unsubscribe.js';
import { ApiError } from '../../http/errors.js';
import { pageLanguage } from '../../pages/language.js';
import { noticePage } from '../../pages/layout.js';
import { fillWords as fillPageWords, pageWords } from '../../pages/words/index.js';

/** The reader's language, negotiated as on every notice page: `?locale=`, the member's, the browser's, the brand's. */
function wordsFor(c: Context<AppEnv>, profile: BrandProfile | null, member: string | null = null) {
  const language = pageLanguage({
    query: c.req.query('locale'),
    member,
    acceptLanguage: c.req.header('accept-language'),
    brandDefault: profile?.defaultLocale,
  });
  const { words } = emailWordsFor(language);
  return { frame: { language, profile }, w: words };
}

/** The profile of a brand that may not exist (null then). */
async function knownProfile(c: Context<AppEnv>, brandId: string | null): Promise<BrandProfile | null> {
  if (!brandId) return null;
  try {
    return await brandProfile(c.get('deps').db, brandId);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_found') return null;
    throw error;
  }
}

/**
 * A link that does not unsubscribe anyone, in the reader's language; in the brand's look, and
 * with a way to write to it, when the token names a brand that exists.
 */
async function invalid(c: Context<AppEnv>, target: UnsubscribeTarget | null) {
  const profile = await knownProfile(c, target?.brandId ?? unsubscribeTokenBrand(c.req.param('token') ?? ''));
  const { frame, w } = wordsFor(c, profile);
  const contact = profile?.replyTo
    ? html`<p><a class="button" href="mailto:${profile.replyTo}">${fillPageWords(pageWords(frame.language).contact, { brand: profile.displayName })}</a></p>`
    : '';
  c.header('Cache-Control', 'no-store');
  return c.html(noticePage(frame, { title: w.unsubscribeInvalid, body: w.unsubscribeInvalidBody, extra: contact }), 404);
}

const unsubscribe = { tag: 'Public', auth: Auth.none, path: '/{token}' } as const;
const invalidLink = { description: 'The link is not valid (an HTML page)', media: Media.html } as const;

const confirmPage = route({
  ...unsubscribe,
  method: 'get',
  summary: 'The unsubscribe link of bulk member email: a page that asks to confirm',
  description:
    "The `List-Unsubscribe` link of bulk member email (the members message): a page in the member's language " +
    'asking to confirm, so a link scanner opening it changes nothing. The token names the brand and member, ' +
    'signed with a key derived from `AFFDASH_SECRET` (nothing stored).',
  responses: { 200: { description: 'The confirm page', media: Media.html }, 404: invalidLink },
});

const oneClick = route({
  ...unsubscribe,
  method: 'post',
  summary:
    "Unsubscribe in one click (RFC 8058 `List-Unsubscribe=One-Click`, or the confirm button): sets the member's email opt-out",
  description:
    "RFC 8058's one click (what mail clients send for `List-Unsubscribe-Post: List-Unsubscribe=One-Click`) and the " +
    "confirm button's: sets the member's `emailOptOut`. Later sends skip the member (`opted_out`), and messages " +
    'still queued are not sent.',
  responses: { 200: { description: 'Unsubscribed (an HTML page)', media: Media.html }, 404: invalidLink },
});

/**
 * `/u/:token`: the unsubscribe link of bulk member email. `POST` is RFC 8058's one click (what
 * mail clients send for `List-Unsubscribe-Post`) and the confirm button's; `GET` shows a page
 * that asks first, so a link scanner opening the URL changes nothing. Both answer HTML, in the
 * member's language (`?locale=` switches), in the brand's look.
 */
export function unsubscribeRoutes() {
  return router()
    .openapi(confirmPage, async (c) => {
      const target = readUnsubscribeToken(c.get('deps').keys.unsubscribeKey, c.req.param('token'));
      const subject = target && (await findUnsubscribeSubject(c.get('deps').db, target));
      if (!target || !subject) return invalid(c, target);
      const profile = await brandProfile(c.get('deps').db, target.brandId);
      const { frame, w } = wordsFor(c, profile, subject.locale);
      c.header('Cache-Control', 'no-store');
      return c.html(
        noticePage(frame, {
          title: fillWords(w.unsubscribeTitle, profile.displayName),
          body: fillWords(w.unsubscribeAsk, profile.displayName, subject.email ?? ''),
          extra: html`<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button class="button" type="submit">${w.unsubscribe}</button></form>`,
        }),
      );
    })
    .openapi(oneClick, async (c) => {
      const target = readUnsubscribeToken(c.get('deps').keys.unsubscribeKey, c.req.param('token'));
      const subject = target && (await findUnsubscribeSubject(c.get('deps').db, target));
      if (!target || !subject || !(await optOut(c.get('deps').db, target))) return invalid(c, target);
      const profile = await brandProfile(c.get('deps').db, target.brandId);
      const { frame, w } = wordsFor(c, profile, subject.locale);
      c.header('Cache-Control', 'no-store');
      return c.html(
        noticePage(frame, {
          title: w.unsubscribeDoneTitle,
          body: fillWords(w.unsubscribeDone, profile.displayName, subject.email ?? ''),
        }),
      );
    });
}
