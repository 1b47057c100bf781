import { html, nothing } from 'lit';
import type { DashboardConversion, DayRange } from '@affdash/core';
import type { Formatter } from '../format.js';
import type { PagedList } from '../paged-list.js';
import type { DashboardErrorDetail } from '../api.js';
import type { ConversionStatus, CsvKind } from '../dashboard-controller.js';
import { renderConversionStatus } from './status.js';
import { renderListFooter } from './list-footer.js';
import { skeletonRows } from './skeleton.js';
import { card, downloadButton, emptyState } from './card.js';

export interface ConversionsOptions {
  list: PagedList<DashboardConversion>;
  status: ConversionStatus | undefined;
  /** The days of the span chosen over the chart, if any. */
  range: DayRange | undefined;
  onFilter: (status: ConversionStatus | undefined) => void;
  /** Why the last CSV download failed. */
  downloadError: DashboardErrorDetail | undefined;
  onMore: () => void;
  onDownload: (kind: CsvKind) => void;
}

const filters = [undefined, 'pending', 'approved', 'rejected', 'reversed'] as const;

/** Toggle buttons, one pressed: all conversions or those in one status. */
function filterBar({ status, downloadError, onFilter, onDownload }: ConversionsOptions, f: Formatter) {
  return html`<div class="filters" role="group" aria-label=${f.m.status}>
      ${filters.map(
        (s) => html`<button class="chip" aria-pressed=${s === status} @click=${() => onFilter(s)}>${f.m[s ?? 'all']}</button>`,
      )}
    </div>
    ${downloadButton('conversions', downloadError, f, onDownload)}`;
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

function body({ list }: ConversionsOptions, f: Formatter) {
  if (list.loading && !list.items.length) return skeletonRows(3, 5);
  if (!list.items.length && !list.error) return html`<tr class="empty"><td colspan="5">${f.m.noConversions}</td></tr>`;
  return list.items.map((c) => row(c, f));
}

/** Conversions, newest first, filterable by status, a page at a time. */
export function renderConversions(options: ConversionsOptions, f: Formatter) {
  const { list, status, range } = options;
  const { m } = f;
  // Nothing at all yet: say what to do instead of showing an empty table.
  if (!status && !range && !list.items.length && !list.loading && !list.error && !list.cursor) {
    return card('conversions', m.conversions, emptyState(m.noConversions, m.firstConversion));
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
        <tbody>${body(options, f)}</tbody>
      </table>
      ${renderListFooter(list, f, options.onMore)}`,
    filterBar(options, f),
  );
}
