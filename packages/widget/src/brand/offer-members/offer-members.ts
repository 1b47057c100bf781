import { AffdashOfferMembers } from './offer-members.component.js';

export * from './offer-members.component.js';
export default AffdashOfferMembers;

if (!customElements.get('affdash-offer-members')) {
  customElements.define('affdash-offer-members', AffdashOfferMembers);
}

declare global {
  interface HTMLElementTagNameMap {
    'affdash-offer-members': AffdashOfferMembers;
  }
  interface HTMLElementEventMap {
    'affdash-selection-change': CustomEvent<{ memberIds: string[] }>;
    'affdash-sent': CustomEvent<import('@affdash/core').EmailSendResult>;
  }
}
