import { AffiliateDashboard } from './affiliate-dashboard.component.js';

export * from './affiliate-dashboard.component.js';
export default AffiliateDashboard;

if (!customElements.get('affiliate-dashboard')) {
  customElements.define('affiliate-dashboard', AffiliateDashboard);
}

declare global {
  interface HTMLElementTagNameMap {
    'affiliate-dashboard': AffiliateDashboard;
  }
  interface HTMLElementEventMap {
    'affdash-load': CustomEvent<import('@affdash/core').Dashboard>;
    'affdash-error': CustomEvent<import('./api.js').DashboardErrorDetail>;
    'affdash-copy': CustomEvent<{ kind: 'code' | 'link'; value: string }>;
    'affdash-token-expired': CustomEvent<undefined>;
  }
}
