import { html, nothing } from 'lit';
import type { DashboardTerms } from '@affdash/core';

function tierTable(terms: DashboardTerms) {
  if (!terms.tiers?.length) return nothing;
  return html`
    <table class="table tiers">
      <caption class="visually-hidden">Commission tiers</caption>
      <thead>
        <tr><th scope="col">Tier</th><th scope="col">You earn</th></tr>
      </thead>
      <tbody>
        ${terms.tiers.map((tier, i) => {
          const current = i === terms.currentTier;
          return html`<tr class=${current ? 'is-current' : ''} aria-current=${current ? 'true' : 'false'}>
            <td>${tier.range}${current ? html` <span class="badge">Your tier</span>` : nothing}</td>
            <td class="nowrap">${tier.rate}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  `;
}

/** The commission structure in a sentence, the hold period, and tiers when there are any. */
export function renderTerms(terms: DashboardTerms) {
  return html`
    <section part="terms" class="card terms" aria-labelledby="terms-title">
      <h3 id="terms-title" class="card__title">How you earn</h3>
      <p class="terms__summary">${terms.summary}</p>
      <p class="muted">${terms.holdPeriod}</p>
      ${tierTable(terms)}
    </section>
  `;
}
