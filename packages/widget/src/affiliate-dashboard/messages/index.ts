import { deEarly, enEarly, esEarly, frEarly, messageLanguage, ptEarly, type Messages } from '@affdash/core/messages';
import type { DashboardErrorDetail } from '../api.js';

export { fill } from '@affdash/core/messages';
export type { MessageKey, Messages } from '@affdash/core/messages';

const early = { en: enEarly, es: esEarly, fr: frEarly, de: deEarly, pt: ptEarly };

/**
 * The words the widget carries for a BCP 47 tag: only what shows before the first screen
 * (loading and errors), in its language or English; the first screen brings all the others.
 * `de-AT` reads German.
 */
export function messagesFor(tag: string): Messages {
  return early[messageLanguage(tag)] as Messages;
}

/** A sentence a member can act on, for an error the dashboard could not get past. */
export function errorMessage(m: Messages, { status, code }: DashboardErrorDetail): string {
  switch (code) {
    case 'network_error':
      return m.network;
    case 'origin_not_allowed':
      return m.originNotAllowed;
    case 'not_found':
      return m.notFound;
    case 'unauthorized':
    case 'invalid_token':
    case 'missing_token':
      return m.badLink;
    case 'enrollment_inactive':
      return m.inactive;
    case 'rate_limited':
      return m.rateLimited;
  }
  return status >= 500 ? m.serverError : m.failed;
}
