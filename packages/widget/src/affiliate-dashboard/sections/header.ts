import { html, nothing } from 'lit';
import type { Dashboard } from '@affdash/core';

const offerStatus = {
  active: { label: 'Active', tone: 'success' },
  paused: { label: 'Paused', tone: 'warning' },
  archived: { label: 'Ended', tone: 'neutral' },
} as const;

/** Brand, offer name and status, and whose dashboard this is. */
export function renderHeader({ brand, offer, member, enrollment }: Dashboard) {
  // The offer's own status wins; an active offer shows the member's enrollment status.
  const status =
    offer.status !== 'active' || enrollment.status === 'active'
      ? offerStatus[offer.status]
      : offerStatus[enrollment.status === 'paused' ? 'paused' : 'archived'];
  return html`
    <header part="header" class="header">
      ${brand.logoUrl
        ? html`<img class="logo" src=${brand.logoUrl} alt="" width="40" height="40" />`
        : html`<span class="logo logo--initial" aria-hidden="true">${brand.name.trim().charAt(0)}</span>`}
      <div class="header__text">
        <p class="eyebrow">${brand.name}</p>
        <h2 class="title">${offer.name}</h2>
        <p class="meta">
          <span class="member">For ${member.name}</span>
          <span class="pill pill--${status.tone}"><span class="dot" aria-hidden="true"></span>${status.label}</span>
        </p>
      </div>
    </header>
  `;
}

export function renderDescription({ offer }: Dashboard) {
  return offer.description ? html`<p class="description">${offer.description}</p>` : nothing;
}
