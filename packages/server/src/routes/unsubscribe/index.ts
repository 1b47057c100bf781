import type { Context } from 'hono';
import { html } from 'hono/html';
import { emailWordsFor, fillWords } from '@affdash/core/messages';
import type { AppEnv } from '../../http/context.js';
import { Auth, Media, route } from '../../http/route.js';
import { router } from '../../http/router.js';
import { brandProfile } from '../../brand-profile/index.js';
import {
  findUnsubscribeSubject,
  optOut,
  readUnsubscribeToken,
  type UnsubscribeTarget,
} from '../../email/unsubscribe.js';
import { noticePage } from '../../pages/layout.js';

/** The brand's profile and the member's words (their language, else the brand's). */
async function frameFor(c: Context<AppEnv>, target: UnsubscribeTarget, locale: string | null) {
  const profile = await brandProfile(c.get('deps').db, target.brandId);
  const { words, language } = emailWordsFor(locale ?? profile.defaultLocale);
  return { frame: { language, profile }, w: words, brandName: profile.displayName };
}

function invalid(c: Context<AppEnv>) {
  c.status(404);
  const { words, language } = emailWordsFor('en');
  return c.html(noticePage({ language, profile: null }, { title: words.unsubscribeInvalid, body: 'Use the link in the most recent email.' }));
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
 * that asks first, so a link scanner opening the URL changes nothing. Both answer HTML.
 */
export function unsubscribeRoutes() {
  return router()
    .openapi(confirmPage, async (c) => {
      const target = readUnsubscribeToken(c.get('deps').keys.unsubscribeKey, c.req.param('token'));
      const subject = target && (await findUnsubscribeSubject(c.get('deps').db, target));
      if (!target || !subject) return invalid(c);
      const { frame, w, brandName } = await frameFor(c, target, subject.locale);
      c.header('Cache-Control', 'no-store');
      return c.html(
        noticePage(frame, {
          title: fillWords(w.unsubscribeTitle, brandName),
          body: fillWords(w.unsubscribeAsk, brandName, subject.email ?? ''),
          extra: html`<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button class="button" type="submit">${w.unsubscribe}</button></form>`,
        }),
      );
    })
    .openapi(oneClick, async (c) => {
      const target = readUnsubscribeToken(c.get('deps').keys.unsubscribeKey, c.req.param('token'));
      const subject = target && (await findUnsubscribeSubject(c.get('deps').db, target));
      if (!target || !subject || !(await optOut(c.get('deps').db, target))) return invalid(c);
      const { frame, w, brandName } = await frameFor(c, target, subject.locale);
      c.header('Cache-Control', 'no-store');
      return c.html(
        noticePage(frame, { title: w.unsubscribeDoneTitle, body: fillWords(w.unsubscribeDone, brandName, subject.email ?? '') }),
      );
    });
}
