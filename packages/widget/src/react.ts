import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import type { Dashboard } from '@affdash/core';
import { AffiliateDashboard as AffiliateDashboardElement } from './index.js';
import type { DashboardErrorDetail } from './index.js';

/** `detail` of `affdash-copy`. */
export type DashboardCopyDetail = HTMLElementEventMap['affdash-copy']['detail'];

/**
 * `<affiliate-dashboard>` as a React component. Attributes and properties are props
 * (`token`, `apiBase`, `locale`, `theme`, `tokenProvider`); the element's events are
 * `onLoad`, `onError`, `onCopy` and `onTokenExpired`; a `ref` is the element itself.
 *
 * @example
 * ```tsx
 * import { AffiliateDashboard } from '@affdash/widget/react';
 *
 * <AffiliateDashboard
 *   apiBase="https://api.affdash.example"
 *   tokenProvider={fetchToken}
 *   onLoad={(e) => console.log(e.detail.offer.name)}
 *   onCopy={(e) => track('copied', e.detail.kind)}
 * />
 * ```
 */
export const AffiliateDashboard = createComponent({
  react: React,
  tagName: 'affiliate-dashboard',
  elementClass: AffiliateDashboardElement,
  displayName: 'AffiliateDashboard',
  events: {
    onLoad: 'affdash-load' as EventName<CustomEvent<Dashboard>>,
    onError: 'affdash-error' as EventName<CustomEvent<DashboardErrorDetail>>,
    onCopy: 'affdash-copy' as EventName<CustomEvent<DashboardCopyDetail>>,
    onTokenExpired: 'affdash-token-expired' as EventName<CustomEvent<undefined>>,
  },
});

/** The props of {@link AffiliateDashboard}. */
export type AffiliateDashboardProps = React.ComponentProps<typeof AffiliateDashboard>;

export type { AffiliateDashboardElement, DashboardErrorDetail };
