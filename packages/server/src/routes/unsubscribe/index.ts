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
import { noticePage, page } from '../../pages/layout.js';

const formStyle = html`<style>
  form { margin: 24px 0 0; }
  button { font: inherit; font-weight: 600; padding: 10px 20px; border: 0; border-radius: 6px;
           background: #1f2328; color: #fff; cursor: pointer; }
  button:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
</style>`;

async function words(c: Context<AppEnv>, target: UnsubscribeTarget, locale: string | null) {
  const profile = await brandProfile(c.get('deps').db, target.brandId);
  return { w: emailWordsFor(locale ?? profile.defaultLocale).words, brandName: profile.displayName };
}

function invalid(c: Context<AppEnv>) {
  c.status(404);
  return c.html(noticePage(emailWordsFor('en').words.unsubscribeInvalid, 'Use the link from the most recent email.'));
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
      const { w, brandName } = await words(c, target, subject.locale);
      const title = fillWords(w.unsubscribeTitle, brandName);
      const ask = fillWords(w.unsubscribeAsk, brandName, subject.email ?? '');
      c.header('Cache-Control', 'no-store');
      return c.html(
        page(
          title,
          html`<main><div class="notice"><h1>${title}</h1><p>${ask}</p>
<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${w.unsubscribe}</button></form></div></main>`,
          formStyle,
        ),
      );
    })
    .post('/:token', async (c) => {
      const target = readUnsubscribeToken(c.get('deps').keys.unsubscribeKey, c.req.param('token'));
      const subject = target && (await findUnsubscribeSubject(c.get('deps').db, target));
      if (!target || !subject || !(await optOut(c.get('deps').db, target))) return invalid(c);
      const { w, brandName } = await words(c, target, subject.locale);
      c.header('Cache-Control', 'no-store');
      return c.html(noticePage(w.unsubscribeDoneTitle, fillWords(w.unsubscribeDone, brandName, subject.email ?? '')));
    });
}
