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

import { AffdashEmailComposer as EmailComposerElement, AffdashOfferMembers as OfferMembersElement, AffdashOffers as OffersElement } from './brand.js';
import type { EmailSendResult } from '@affdash/core';

/** `detail` of `affdash-error` from the brand components. */
type BrandErrorDetail = { status: number; code: string; message: string };

/**
 * `<affdash-offer-members>` as a React component (`@affdash/widget/brand`): props `offer`,
 * `apiBase`, `locale`, `theme`, `fetchClientSecret`; events `onSelectionChange`, `onSent`, `onError`.
 *
 * @example
 * ```tsx
 * <OfferMembers offer="off_3kq9" fetchClientSecret={() => fetch('/affdash/secret').then((r) => r.json())} />
 * ```
 */
export const OfferMembers = createComponent({
  react: React,
  tagName: 'affdash-offer-members',
  elementClass: OfferMembersElement,
  displayName: 'OfferMembers',
  events: {
    onSelectionChange: 'affdash-selection-change' as EventName<CustomEvent<{ memberIds: string[] }>>,
    onSent: 'affdash-sent' as EventName<CustomEvent<EmailSendResult>>,
    onError: 'affdash-error' as EventName<CustomEvent<BrandErrorDetail>>,
  },
});

/** `<affdash-email-composer>` as a React component: the send drawer on its own. */
export const EmailComposer = createComponent({
  react: React,
  tagName: 'affdash-email-composer',
  elementClass: EmailComposerElement,
  displayName: 'EmailComposer',
  events: {
    onSent: 'affdash-sent' as EventName<CustomEvent<EmailSendResult>>,
    onError: 'affdash-error' as EventName<CustomEvent<BrandErrorDetail>>,
  },
});

export type OfferMembersProps = React.ComponentProps<typeof OfferMembers>;
export type EmailComposerProps = React.ComponentProps<typeof EmailComposer>;

/** `<affdash-offers>` as a React component: the brand's offers with totals and their three-dot menu. */
export const Offers = createComponent({
  react: React,
  tagName: 'affdash-offers',
  elementClass: OffersElement,
  displayName: 'Offers',
  events: {
    onOfferSelect: 'affdash-offer-select' as EventName<CustomEvent<{ offerId: string }>>,
    onSent: 'affdash-sent' as EventName<CustomEvent<EmailSendResult>>,
    onError: 'affdash-error' as EventName<CustomEvent<BrandErrorDetail>>,
  },
});

export type OffersProps = React.ComponentProps<typeof Offers>;
