import { html, nothing } from 'lit';
import type { DashboardConversion } from '@affdash/core';
import type { Formatter } from '../format.js';
import type { PagedList } from '../paged-list.js';
import type { DashboardController } from '../dashboard-controller.js';
import { renderConversionStatus } from './status.js';
import { renderListFooter } from './list-footer.js';
import { skeletonRows } from './skeleton.js';
import { sharingPaused } from './share.js';
import { card, downloadButton, emptyState } from './card.js';

const filters = [undefined, 'pending', 'approved', 'rejected', 'reversed'] as const;

/** Toggle buttons, one pressed: all conversions or those in one status; then the download. */
function filterBar(data: DashboardController, f: Formatter) {
  return html`<div class="filters" role="group" aria-label=${f.m.status}>
      ${filters.map(
        (s) => html`<button class="chip" aria-pressed=${s === data.conversionStatus} @click=${() => void data.filterConversions(s)}>${f.m[s ?? 'all']}</button>`,
      )}
    </div>
    ${downloadButton('conversions', data, f)}`;
}

function row(c: DashboardConversion, f: Formatter) {
  return html`<tr>
    <td class="nowrap">${f.date(c.occurredAt)}</td>
    <td class="mono wide">${c.orderRef}</td>
    <td class="num wide">${f.money(c.sale)}</td>
    <td class="num strong">${f.money(c.commission)}</td>
    <td class="status-cell">${renderConversionStatus(c, f)}</td>
  </tr>`;
}

function body(list: PagedList<DashboardConversion>, f: Formatter) {
  if (list.loading && !list.items.length) return skeletonRows(3, 5);
  if (!list.items.length && !list.error) return html`<tr class="empty"><td colspan="5">${f.m.noConversions}</td></tr>`;
  return list.items.map((c) => row(c, f));
}

/** Conversions, newest first, filterable by status and by the chart's days, a page at a time. */
export function renderConversions(data: DashboardController, f: Formatter) {
  const { conversions: list, conversionStatus: status, range } = data;
  const { m } = f;
  // Nothing at all yet: say what to do instead of showing an empty table.
  if (!status && !range && !list.items.length && !list.loading && !list.error && !list.cursor) {
    return card('conversions', m.conversions, emptyState(m.noConversions, sharingPaused(data.dashboard!) ? m.sharingPaused : m.firstConversion));
  }
  return card(
    'conversions',
    m.conversions,
    html`${range ? html`<p class="muted">${f.day(range.from!, range.to)}</p>` : nothing}
      <table class="table" aria-labelledby="conversions-title">
        <thead>
          <tr>
            <th scope="col">${m.date}</th><th scope="col" class="wide">${m.order}</th><th scope="col" class="num wide">${m.sale}</th>
            <th scope="col" class="num">${m.commission}</th><th scope="col">${m.status}</th>
          </tr>
        </thead>
        <tbody>${body(list, f)}</tbody>
      </table>
      ${renderListFooter(list, f, () => void data.loadMoreConversions())}`,
    filterBar(data, f),
  );
}
