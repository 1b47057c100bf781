import { html, nothing } from 'lit';
import type { Dashboard } from '@affdash/core';
import { fill } from '../messages/index.js';
import type { Formatter } from '../format.js';
import { pill } from './card.js';

const tone = { active: 'success', paused: 'warning', ended: 'neutral' } as const;

/** Brand, offer name and status, and whose dashboard this is. */
export function renderHeader({ brand, offer, member, enrollment }: Dashboard, f: Formatter) {
  // The offer's own status wins; an active offer shows the member's enrollment status.
  const status = offer.status === 'archived' ? 'ended' : offer.status === 'paused' ? 'paused' : enrollment.status;
  return html`
    <header part="header" class="header">
      ${brand.logoUrl ? html`<img class="logo" src=${brand.logoUrl} alt="" width="40" height="40" />` : nothing}
      <div class="header__text">
        <p class="eyebrow">${brand.name}</p>
        <h2 class="title">${offer.name}</h2>
        <p class="meta"><span class="member">${fill(f.m.forMember, member.name)}</span>${pill(tone[status], f.m[status])}</p>
      </div>
    </header>
    ${offer.description ? html`<p class="description">${offer.description}</p>` : nothing}
  `;
}
