import { html, nothing } from 'lit';
import type { PagedList } from '../paged-list.js';
import type { Formatter } from '../format.js';
import { errorMessage } from '../messages/index.js';

/** Under a list: its error with a Retry, or a "Load more" button while there is a next page. */
export function renderListFooter<T>(list: PagedList<T>, f: Formatter, onMore: () => void) {
  const { m } = f;
  if (list.error) {
    return html`<div class="list-footer">
      <p class="inline-error" role="alert">${errorMessage(m, list.error)}</p>
      <button class="button" @click=${() => list.retry()}>${m.retry}</button>
    </div>`;
  }
  if (!list.cursor && !(list.loading && list.items.length)) return nothing;
  return html`<div class="list-footer">
    <button class="button" ?disabled=${list.loading} @click=${onMore}>
      ${list.loading ? m.loading : m.more}
    </button>
  </div>`;
}
