import { html, nothing } from 'lit';
import type { Dashboard } from '@affdash/core';
import type { DashboardController } from '../dashboard-controller.js';
import { humanize, type Formatter } from '../format.js';
import { fill } from '../messages/index.js';
import { renderListFooter } from './list-footer.js';
import { card, downloadButton, emptyState } from './card.js';

/**
 * The balance on its way to the payout minimum: a progress bar labelled with the next payout
 * date and the balance against the minimum, and, below the minimum, how much is left to go.
 */
function payout({ payout: { minimum, nextPayoutAt, remaining }, totals: { balance } }: Dashboard, f: Formatter) {
  const progress = `${f.money(balance)} / ${f.money(minimum)}`;
  // The head's row wraps: the date and the amounts on one line, the full-width bar under them.
  return html`<label class="card__head">
    ${fill(f.m.nextPayout, f.date(nextPayoutAt))}<span class="strong">${progress}</span>
    <progress max=${minimum.amount} value=${balance.amount}></progress>
    ${remaining.amount ? html`<span class="muted">${fill(f.m.toMinimum, f.money(remaining), f.money(minimum))}</span>` : nothing}
  </label>`;
}

/** Progress toward the next payout, then the payments made to the member, newest first. */
export function renderPayments(d: Dashboard, data: DashboardController, f: Formatter) {
  const { m } = f;
  const list = data.payments;
  return card(
    'payments',
    m.payments,
    html`${payout(d, f)}
    ${!list.items.length && !list.cursor && !list.error
      ? emptyState(m.noPayments, m.paidOutHere)
      : html`<table class="table" aria-labelledby="payments-title">
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
          ${renderListFooter(list, f, () => void data.loadMorePayments())}`}`,
    list.items.length ? downloadButton('payments', data, f) : undefined,
  );
}
