import { html, nothing } from 'lit';
import type { Dashboard, DashboardTerms, TierCommission } from '@affdash/core';
import { fill } from '../messages/index.js';
import type { Formatter } from '../format.js';
import { card } from './card.js';

type Offer = Dashboard['offer'];

/**
 * The terms in the reader's language. The server words them in English; in any other language
 * they are worded here from the structured commission, hold period and currency.
 */
export function localTerms(offer: Offer, f: Formatter): DashboardTerms {
  if (f.english) return offer.terms;
  const { m } = f;
  const { commission: c, currency, holdDays } = offer;
  const money = (amount: number) => f.money({ amount, currency });
  const rate = (t: TierCommission) => (t.type === 'percent' ? fill(m.percent, f.percent(t.rateBps)) : fill(m.flat, money(t.amount)));
  const holdPeriod = holdDays ? fill(m.hold, f.days(holdDays)) : m.holdNone;
  if (c.type !== 'tiered') return { summary: rate(c), holdPeriod, tiers: null, currentTier: null };
  // "this month", "este trimestre", "dieses Jahr": Intl has the words; only "in total" is ours.
  const when = c.period === 'lifetime' ? m.lifetime : new Intl.RelativeTimeFormat(f.locale, { numeric: 'auto' }).format(0, c.period);
  const orders = c.basis === 'conversions';
  const top = c.tiers[c.tiers.length - 1]!;
  const tiers = c.tiers.map((tier, i) => {
    const next = c.tiers[i + 1];
    // Counted tiers start after `from` earlier orders; sales tiers at `from` in sales.
    const [from, to] = orders ? [tier.from + 1, next?.from] : [money(tier.from), next && money(next.from)];
    const range = to === undefined ? `${from}+` : from === to ? `${from}` : `${from}–${to}`;
    return { range: fill(orders ? m.ordersTier : m.salesTier, range, when), rate: rate(tier.commission) };
  });
  const summary = orders
    ? fill(m.risingOrders, rate(c.tiers[0]!.commission), rate(top.commission), top.from + 1, when)
    : fill(m.risingSales, rate(c.tiers[0]!.commission), rate(top.commission), money(top.from), when);
  return { summary, holdPeriod, tiers, currentTier: offer.terms.currentTier };
}

function tierTable({ tiers, currentTier }: DashboardTerms, f: Formatter) {
  if (!tiers?.length) return nothing;
  const { m } = f;
  return html`
    <table class="table tiers">
      <tbody>
        ${tiers.map((tier, i) => {
          const current = i === currentTier;
          return html`<tr class=${current ? 'is-current' : ''} aria-current=${current}>
            <td>${tier.range}${current ? html` <span class="badge">${m.yourTier}</span>` : nothing}</td>
            <td class="num">${tier.rate}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  `;
}

/** The commission structure in a sentence, the hold period, and tiers when there are any. */
export function renderTerms(offer: Offer, f: Formatter) {
  const terms = localTerms(offer, f);
  return card(
    'terms',
    f.m.terms,
    html`<p class="terms__summary">${terms.summary}</p>
      <p class="muted">${terms.holdPeriod}</p>
      ${tierTable(terms, f)}`,
  );
}
