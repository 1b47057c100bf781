import { AffdashEmailComposer } from './email-composer.component.js';

export * from './email-composer.component.js';
export default AffdashEmailComposer;

if (!customElements.get('affdash-email-composer')) {
  customElements.define('affdash-email-composer', AffdashEmailComposer);
}

declare global {
  interface HTMLElementTagNameMap {
    'affdash-email-composer': AffdashEmailComposer;
  }
}
