import { AffdashOffers } from './offers.component.js';

export * from './offers.component.js';
export default AffdashOffers;

if (!customElements.get('affdash-offers')) {
  customElements.define('affdash-offers', AffdashOffers);
}

declare global {
  interface HTMLElementTagNameMap {
    'affdash-offers': AffdashOffers;
  }
  interface HTMLElementEventMap {
    'affdash-offer-select': CustomEvent<{ offerId: string }>;
  }
}
