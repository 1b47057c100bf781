import { html, nothing } from 'lit';
import type { DashboardTerms } from '@affdash/core';
import type { Formatter } from '../format.js';
import { card } from './card.js';

function tierTable({ tiers, currentTier }: DashboardTerms, f: Formatter) {
  if (!tiers?.length) return nothing;
  return html`
    <table class="table tiers">
      <tbody>
        ${tiers.map((tier, i) => {
          const current = i === currentTier;
          return html`<tr class=${current ? 'is-current' : ''} aria-current=${current}>
            <td>${tier.range}${current ? html` <span class="badge">${f.m.yourTier}</span>` : nothing}</td>
            <td class="num">${tier.rate}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  `;
}

/**
 * The commission structure in a sentence, the hold period, and tiers when there are any, with
 * the way to the next tier. The server words them all in the reader's language.
 */
export function renderTerms(terms: DashboardTerms, f: Formatter) {
  return card(
    'terms',
    f.m.terms,
    html`<p class="terms__summary">${terms.summary}</p>
      <p class="muted">${terms.holdPeriod}</p>
      ${tierTable(terms, f)}
      ${terms.nextTier ? html`<p class="next-tier">${terms.nextTier}</p>` : nothing}`,
  );
}
