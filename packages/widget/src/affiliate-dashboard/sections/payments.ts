import { html } from 'lit';
import type { DashboardPayment } from '@affdash/core';
import { humanize, type Formatter } from '../format.js';
import type { PagedList } from '../paged-list.js';
import { renderListFooter } from './list-footer.js';

function row(p: DashboardPayment, f: Formatter) {
  return html`<tr>
    <td data-label="Date" class="nowrap">${f.date(p.paidAt)}</td>
    <td data-label="Amount" class="num strong">${f.money(p.amount)}</td>
    <td data-label="Method">${humanize(p.method)}</td>
    <td data-label="Reference" class="mono">${p.reference ?? '—'}</td>
  </tr>`;
}

/** Payments made to the member, newest first. */
export function renderPayments(list: PagedList<DashboardPayment>, f: Formatter, onMore: () => void) {
  if (!list.items.length && !list.cursor && !list.error) {
    return html`
      <section part="payments" class="card payments" aria-labelledby="payments-title">
        <h3 id="payments-title" class="card__title">Payments</h3>
        <div class="empty-state">
          <p class="empty-state__title">No payments yet</p>
          <p class="muted">Approved commission is paid out here.</p>
        </div>
      </section>
    `;
  }
  return html`
    <section part="payments" class="card payments" aria-labelledby="payments-title">
      <div class="card__head"><h3 id="payments-title" class="card__title">Payments</h3></div>
      <table class="table responsive" aria-labelledby="payments-title">
        <thead>
          <tr><th scope="col">Date</th><th scope="col" class="num">Amount</th><th scope="col">Method</th><th scope="col">Reference</th></tr>
        </thead>
        <tbody>${list.items.map((p) => row(p, f))}</tbody>
      </table>
      ${renderListFooter(list, 'payments', onMore)}
    </section>
  `;
}
