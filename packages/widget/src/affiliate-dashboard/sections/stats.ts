import { html, nothing } from 'lit';
import type { DashboardTotals } from '@affdash/core';
import type { Formatter } from '../format.js';

interface Stat {
  label: string;
  value: string;
  hint?: string;
  strong?: boolean;
}

/** The row of figures: clicks, conversions, sales, expected, paid, balance. */
export function renderStats(totals: DashboardTotals, f: Formatter) {
  const stats: Stat[] = [
    { label: 'Clicks', value: f.count(totals.clicks) },
    { label: 'Conversions', value: f.count(totals.conversions), hint: 'Pending and approved' },
    { label: 'Sales', value: f.money(totals.sales) },
    { label: 'Expected', value: f.money(totals.expected), hint: `${f.money(totals.pending)} still pending` },
    { label: 'Paid', value: f.money(totals.paid), hint: 'All time' },
    {
      label: 'Balance',
      value: f.money(totals.balance),
      // Below zero when paid commission was reversed: later commission makes up for it.
      hint: totals.balance.amount < 0 ? 'Reversed after payout' : 'Approved, not yet paid',
      strong: true,
    },
  ];
  return html`
    <section part="stats" class="stats" aria-labelledby="stats-title">
      <h3 id="stats-title" class="visually-hidden">Your numbers</h3>
      <dl class="stats__grid">
        ${stats.map(
          (s) => html`<div class="stat ${s.strong ? 'stat--strong' : ''}">
            <dt class="label">${s.label}</dt>
            <dd class="stat__value">${s.value}</dd>
            ${s.hint ? html`<dd class="stat__hint">${s.hint}</dd>` : nothing}
          </div>`,
        )}
      </dl>
    </section>
  `;
}
