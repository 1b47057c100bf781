import { html } from 'lit';
import type { Dashboard } from '@affdash/core';
import type { DashboardController } from '../dashboard-controller.js';
import { humanize, type Formatter } from '../format.js';
import { fill } from '../messages/index.js';
import { renderListFooter } from './list-footer.js';
import { card, downloadButton, emptyState } from './card.js';

/**
 * What happens at the next payout. Below the minimum: nothing is paid then, so a bar labelled
 * with the minimum shows the balance on its way to it and how much is left to go. Otherwise the
 * balance and the date it is paid on, or that there is nothing to pay out yet.
 */
function payout({ payout: { minimum, nextPayoutAt, remaining }, totals: { balance } }: Dashboard, f: Formatter) {
  const { m } = f;
  if (!remaining.amount) {
    return html`<p class="card__head">
      ${balance.amount > 0 ? fill(m.nextPayout, f.date(nextPayoutAt)) : m.nothingToPay}<span class="strong">${f.money(balance)}</span>
    </p>`;
  }
  // The head's row wraps: the minimum and the amounts on one line, the full-width bar under them.
  return html`<label class="card__head">
    ${fill(m.payoutFrom, f.money(minimum))}<span class="strong">${f.money(balance)} / ${f.money(minimum)}</span>
    <progress max=${minimum.amount} value=${balance.amount}></progress>
    <span class="muted">${fill(m.toMinimum, f.money(remaining), f.money(minimum))}</span>
  </label>`;
}

/** Progress toward the next payout, then the payments made to the member, newest first. */
export function renderPayments(d: Dashboard, data: DashboardController, f: Formatter, onMore: () => void) {
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
          ${renderListFooter(list, f, onMore)}`}`,
    list.items.length ? downloadButton('payments', data, f) : undefined,
  );
}
