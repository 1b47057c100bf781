import type { Context } from 'hono';
import { pageLanguage } from './language.js';
import { noticePage } from './layout.js';
import { fillWords, pageWords } from './words/index.js';

/**
 * The page of an error a page route has no page of its own for (`answerError`): it cannot
 * be shown now, in the reader's language, with the request id to quote.
 */
export function errorNotice(c: Context, requestId: string | undefined) {
  const language = pageLanguage({ query: c.req.query('locale'), acceptLanguage: c.req.header('accept-language') });
  const words = pageWords(language);
  return noticePage(
    { language, profile: null },
    { title: words.errorTitle, body: fillWords(words.errorBody, { requestId: requestId ?? '-' }) },
  );
}
