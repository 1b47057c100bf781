import { html } from 'lit';
import type { DashboardPayment } from '@affdash/core';
import { humanize, type Formatter } from '../format.js';
import type { PagedList } from '../paged-list.js';
import { renderListFooter } from './list-footer.js';
import { card, emptyState } from './card.js';

/** Payments made to the member, newest first. */
export function renderPayments(list: PagedList<DashboardPayment>, f: Formatter, onMore: () => void) {
  const { m } = f;
  if (!list.items.length && !list.cursor && !list.error) {
    return card('payments', m.payments, emptyState(m.noPayments, m.paidOutHere));
  }
  return card(
    'payments',
    m.payments,
    html`<table class="table" aria-labelledby="payments-title">
        <thead>
          <tr><th scope="col">${m.date}</th><th scope="col" class="num">${m.amount}</th><th scope="col">${m.method}</th><th scope="col" class="wide">${m.reference}</th></tr>
        </thead>
        <tbody>
          ${list.items.map(
            (p) => html`<tr>
              <td class="nowrap">${f.date(p.paidAt)}</td>
              <td class="num strong">${f.money(p.amount)}</td>
              <td>${humanize(p.method)}</td>
              <td class="mono wide">${p.reference ?? '—'}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${renderListFooter(list, f, onMore)}`,
  );
}
