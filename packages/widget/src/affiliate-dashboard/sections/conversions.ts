import { html, nothing } from 'lit';
import type { DashboardConversion } from '@affdash/core';
import type { Formatter } from '../format.js';
import { fill } from '../messages/index.js';
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

/**
 * One conversion. Its date breaks, if at all, before the year only. A sale paid in another
 * currency shows that amount too; commission rejected or reversed is struck through, not shown
 * like earnings.
 */
function row(c: DashboardConversion, f: Formatter) {
  const commission = f.money(c.commission);
  const counts = c.status === 'pending' || c.status === 'approved';
  return html`<tr>
    <td>${f.date(c.occurredAt).replace(/ (?=.* )/g, '\xa0')}</td>
    <td class="mono wide">${c.orderRef}</td>
    <td class="num wide">${f.money(c.sale)} ${c.original ? html`<span class="status-note">${fill(f.m.atCheckout, f.money(c.original))}</span>` : nothing}</td>
    <td class="num ${counts ? 'strong' : 'muted'}">${counts ? commission : html`<s>${commission}</s>`}</td>
    <td class="status-cell">${renderConversionStatus(c, f)}</td>
  </tr>`;
}

function body(data: DashboardController, f: Formatter) {
  const { conversions: list, range, conversionStatus } = data;
  const { m } = f;
  if (list.loading && !list.items.length) return skeletonRows(3, 5);
  if (!list.items.length && !list.error) {
    return html`<tr class="empty"><td colspan="5">${range ? m.noConversionsInPeriod : conversionStatus ? m.noneWithStatus : m.noConversions}</td></tr>`;
  }
  return list.items.map((c) => row(c, f));
}

/**
 * Conversions, newest first, filterable by status and by the chart's days, a page at a time.
 * The days' filter says so, with a button that shows all dates again.
 */
export function renderConversions(data: DashboardController, f: Formatter, onMore: () => void) {
  const { conversions: list, conversionStatus: status, range } = data;
  const { m } = f;
  // Nothing at all yet: say what to do instead of showing an empty table.
  if (!status && !range && !list.items.length && !list.loading && !list.error && !list.cursor) {
    const d = data.dashboard!;
    return card('conversions', m.conversions, emptyState(m.noConversions, d.enrollment.endedAt ? '' : sharingPaused(d) ? m.sharingPaused : m.firstConversion));
  }
  return card(
    'conversions',
    m.conversions,
    html`${range
        ? html`<p class="filter-note">
            <span class="muted">${fill(m.showing, f.day(range.from!, range.to))}</span>
            <button class="chip" @click=${() => void data.clearRange()}>${m.allDates}</button>
          </p>`
        : nothing}
      <table class="table" aria-labelledby="conversions-title">
        <thead>
          <tr>
            <th scope="col">${m.date}</th><th scope="col" class="wide">${m.order}</th><th scope="col" class="num wide">${m.sale}</th>
            <th scope="col" class="num">${m.commission}</th><th scope="col">${m.status}</th>
          </tr>
        </thead>
        <tbody>${body(data, f)}</tbody>
      </table>
      ${renderListFooter(list, f, onMore)}`,
    filterBar(data, f),
  );
}
