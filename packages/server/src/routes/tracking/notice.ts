import type { BrandProfile } from '@affdash/core';
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../../http/context.js';
import { pageLanguage } from '../../pages/language.js';
import { noticePage } from '../../pages/layout.js';
import { fillWords, pageWords } from '../../pages/words/index.js';

/**
 * The page of a tracking link that does not redirect, in the visitor's language: an unknown
 * link (no brand known), or a paused or ended one, in the brand's look, with a way on to the
 * offer's page (without the click being counted).
 */
export function trackingNotice(
  c: Context<AppEnv>,
  target: { destination_url: string; status: string; offer_status: string; profile: BrandProfile } | null,
) {
  const profile = target?.profile ?? null;
  const language = pageLanguage({
    query: c.req.query('locale'),
    acceptLanguage: c.req.header('accept-language'),
    brandDefault: profile?.defaultLocale,
  });
  const words = pageWords(language);
  c.header('Cache-Control', 'no-store');
  if (!target) {
    return noticePage({ language, profile }, { title: words.trackingUnknownTitle, body: words.trackingUnknownBody });
  }
  const brand = target.profile.displayName;
  const ended = target.status === 'ended' || target.offer_status === 'archived';
  return noticePage(
    { language, profile },
    {
      title: ended ? words.trackingEndedTitle : words.pausedTitle,
      body: fillWords(ended ? words.trackingEndedBody : words.pausedBody, { brand }),
      extra: html`<p><a class="button" href="${target.destination_url}" rel="noreferrer">${words.visitShop}</a></p>`,
    },
  );
}
