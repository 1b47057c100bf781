import { Hono, type Context } from 'hono';
import { html } from 'hono/html';
import { emailWordsFor, fillWords } from '@affdash/core/messages';
import type { AppEnv } from '../../http/context.js';
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

/**
 * `/u/:token`: the unsubscribe link of bulk member email. `POST` is RFC 8058's one click (what
 * mail clients send for `List-Unsubscribe-Post`) and the confirm button's; `GET` shows a page
 * that asks first, so a link scanner opening the URL changes nothing. Both answer HTML.
 */
export function unsubscribeRoutes() {
  return new Hono<AppEnv>()
    .get('/:token', async (c) => {
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
    .post('/:token', async (c) => {
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
