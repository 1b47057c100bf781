import { html } from 'lit';
import type { DashboardTotals } from '@affdash/core';
import { fill } from '../messages/index.js';
import type { Formatter } from '../format.js';

/**
 * The row of figures: clicks, conversions, sales, then what the member earned in all (pending
 * and approved), what was paid of it and the balance, so that earned = paid + balance + pending.
 * A figure never wraps: all six take the size at which the longest (`--chars`) fits its tile.
 */
export function renderStats(t: DashboardTotals, f: Formatter) {
  const { m } = f;
  const earned = { amount: t.pending.amount + t.approved.amount, currency: t.pending.currency };
  // [label, value, hint]
  const stats: [string, string, string?][] = [
    [m.clicks, f.count(t.clicks)],
    [m.conversions, f.count(t.conversions)],
    [m.sales, f.money(t.sales)],
    [m.earned, f.money(earned), fill(m.stillPending, f.money(t.pending))],
    [m.paid, f.money(t.paid)],
    // Below zero when paid commission was reversed: later commission makes up for it.
    [m.balance, f.money(t.balance), t.balance.amount < 0 ? m.reversedAfterPayout : m.notYetPaid],
  ];
  return html`
    <section part="stats" class="stats">
      <dl class="stats__grid" style="--chars:${Math.max(...stats.map(([, value]) => value.length))}">
        ${stats.map(
          ([label, value, hint]) => html`<div class="stat">
            <dt class="label">${label}</dt>
            <dd class="stat__value">${value}</dd>
            ${hint ? html`<dd class="stat__hint">${hint}</dd>` : ''}
          </div>`,
        )}
      </dl>
    </section>
  `;
}
