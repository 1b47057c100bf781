import { html } from 'lit';
import type { DashboardConversion } from '@affdash/core';
import type { Formatter } from '../format.js';
import type { PagedList } from '../paged-list.js';
import type { ConversionStatus } from '../dashboard-controller.js';
import { emptyConversionsMessage } from '../messages.js';
import { conversionStatus, renderConversionStatus } from './status.js';
import { renderListFooter } from './list-footer.js';
import { skeletonRows } from './skeleton.js';

export interface ConversionsOptions {
  list: PagedList<DashboardConversion>;
  status: ConversionStatus | undefined;
  onFilter: (status: ConversionStatus | undefined) => void;
  onMore: () => void;
}

const filters: (ConversionStatus | undefined)[] = [undefined, 'pending', 'approved', 'rejected', 'reversed'];

function filterBar({ status, onFilter }: ConversionsOptions) {
  return html`<div class="filters" role="group" aria-label="Show conversions">
    ${filters.map((s) => {
      const label = s ? conversionStatus[s].label : 'All';
      return html`<button class="chip" type="button" aria-pressed=${s === status ? 'true' : 'false'} @click=${() => onFilter(s)}>
        ${label}
      </button>`;
    })}
  </div>`;
}

function row(c: DashboardConversion, f: Formatter) {
  return html`<tr>
    <td data-label="Date" class="nowrap">${f.date(c.occurredAt)}</td>
    <td data-label="Order" class="mono">${c.orderRef}</td>
    <td data-label="Sale" class="num">${f.money(c.sale)}</td>
    <td data-label="Commission" class="num strong">${f.money(c.commission)}</td>
    <td data-label="Status" class="status-cell">${renderConversionStatus(c, f)}</td>
  </tr>`;
}

function body(options: ConversionsOptions, f: Formatter) {
  const { list, status } = options;
  if (list.loading && !list.items.length) return skeletonRows(3, 5);
  if (!list.items.length && !list.error) {
    const label = status ? conversionStatus[status].label.toLowerCase() : '';
    return html`<tr class="empty"><td colspan="5">No ${label} conversions yet.</td></tr>`;
  }
  return list.items.map((c) => row(c, f));
}

/** Nothing at all yet: say what to do instead of showing an empty table. */
function renderFirstRun() {
  return html`
    <section part="conversions" class="card conversions" aria-labelledby="conversions-title">
      <h3 id="conversions-title" class="card__title">Conversions</h3>
      <div class="empty-state">
        <p class="empty-state__title">No conversions yet</p>
        <p class="muted">${emptyConversionsMessage}</p>
      </div>
    </section>
  `;
}

/** Conversions, newest first, filterable by status, a page at a time. */
export function renderConversions(options: ConversionsOptions, f: Formatter) {
  const { list, status } = options;
  if (!status && !list.items.length && !list.loading && !list.error && !list.cursor) return renderFirstRun();
  return html`
    <section part="conversions" class="card conversions" aria-labelledby="conversions-title">
      <div class="card__head">
        <h3 id="conversions-title" class="card__title">Conversions</h3>
        ${filterBar(options)}
      </div>
      <table class="table responsive" aria-labelledby="conversions-title" aria-busy=${options.list.loading ? 'true' : 'false'}>
        <thead>
          <tr>
            <th scope="col">Date</th><th scope="col">Order</th><th scope="col" class="num">Sale</th>
            <th scope="col" class="num">Commission</th><th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>${body(options, f)}</tbody>
      </table>
      ${renderListFooter(options.list, 'conversions', options.onMore)}
    </section>
  `;
}
