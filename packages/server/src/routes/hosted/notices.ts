import type { BrandProfile, Language } from '@affdash/core';
import type { Context } from 'hono';
import { html } from 'hono/html';
import { sealLinkRequestContext } from '../../dashboard-links/requests.js';
import type { LinkTarget } from '../../hosted/target.js';
import type { AppEnv } from '../../http/context.js';
import { pageLanguage } from '../../pages/language.js';
import { noticePage } from '../../pages/layout.js';
import { fillWords, pageWords, type PageWords } from '../../pages/words/index.js';

/** Where a member asks for a fresh dashboard link. */
export const REQUEST_LINK_PATH = '/d/request-link';

/** The reader's language for a page of `profile`'s brand (or none known), for `member` when known. */
export function readerLanguage(
  c: Context<AppEnv>,
  profile: BrandProfile | null,
  given?: string,
  member?: string | null,
): Language {
  return pageLanguage({
    query: given ?? c.req.query('locale'),
    member,
    acceptLanguage: c.req.header('accept-language'),
    brandDefault: profile?.defaultLocale,
  });
}

function slots(target: LinkTarget | null, extra: Record<string, string> = {}) {
  return { brand: target?.profile.displayName ?? '', offer: target?.offer_name ?? '', ...extra };
}

/** The form that emails the current link to a member of the link's offer. */
export function requestLinkForm(
  c: Context<AppEnv>,
  target: LinkTarget,
  language: Language,
  words: PageWords,
  error?: string,
) {
  const context = sealLinkRequestContext(c.get('deps').keys, { brandId: target.brand_id, enrollmentId: target.id });
  return html`<form method="post" action="${REQUEST_LINK_PATH}" novalidate>
  <input type="hidden" name="context" value="${context}">
  <input type="hidden" name="locale" value="${language}">
  <label for="email">${words.emailLabel}</label>
  <input id="email" name="email" type="email" autocomplete="email" inputmode="email" required maxlength="320"${
    error ? html` aria-invalid="true" aria-describedby="email-error"` : ''
  }>
  ${error ? html`<p id="email-error" class="error" role="alert">${error}</p>` : ''}
  <button class="button" type="submit">${words.sendLink}</button>
</form>`;
}

function contact(target: LinkTarget, words: PageWords) {
  const replyTo = target.profile.replyTo;
  return replyTo
    ? html`<p><a class="button" href="mailto:${replyTo}">${fillWords(words.contact, slots(target))}</a></p>`
    : '';
}

export type NoticeKind = 'unknown' | 'replaced' | 'ended' | 'revoked' | 'noSession';

/** The notice of a dashboard link that does not open a dashboard, in the reader's language. */
export function linkNotice(c: Context<AppEnv>, kind: NoticeKind, target: LinkTarget | null, given?: string) {
  const profile = target?.profile ?? null;
  const language = readerLanguage(c, profile, given, target?.member_locale);
  const words = pageWords(language);
  const s = slots(target);
  const frame = { language, profile };
  const title = (key: `${NoticeKind}Title`) => fillWords(words[key], s);
  const body = (key: `${NoticeKind}Body`) => fillWords(words[key], s);
  switch (kind) {
    case 'replaced':
    case 'revoked':
      return noticePage(frame, {
        title: title(`${kind}Title`),
        body: body(`${kind}Body`),
        extra: requestLinkForm(c, target!, language, words),
      });
    case 'ended':
      return noticePage(frame, { title: title('endedTitle'), body: body('endedBody'), extra: contact(target!, words) });
    default:
      return noticePage(frame, { title: title(`${kind}Title`), body: body(`${kind}Body`) });
  }
}
