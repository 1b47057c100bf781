import { html, nothing } from 'lit';
import type { PagedList } from '../paged-list.js';
import { errorMessage } from '../messages.js';
import { alertIcon } from '../icons.js';

/** Under a list: its error with a Retry, or "Load more" while there is a next page. */
export function renderListFooter<T>(list: PagedList<T>, noun: string, onMore: () => void) {
  if (list.error) {
    return html`<div class="list-footer">
      <p class="inline-error" role="alert">${alertIcon}${errorMessage(list.error)}</p>
      <button class="button" type="button" @click=${() => list.retry()}>Retry</button>
    </div>`;
  }
  if (!list.cursor && !(list.loading && list.items.length)) return nothing;
  return html`<div class="list-footer">
    <button class="button" type="button" ?disabled=${list.loading} aria-busy=${list.loading ? 'true' : 'false'} @click=${onMore}>
      ${list.loading ? 'Loading…' : `Load more ${noun}`}
    </button>
  </div>`;
}
