import { deEarly, en, esEarly, frEarly, messageLanguage, ptEarly, type Messages } from '@affdash/core/messages';
import type { DashboardErrorDetail } from '../api.js';

export type { MessageKey, Messages } from '@affdash/core/messages';

const early = { en, es: esEarly, fr: frEarly, de: deEarly, pt: ptEarly };

/**
 * The words the widget carries for a BCP 47 tag: English, with a built-in language's own words
 * for what shows before the first screen (which brings the rest of them). `de-AT` reads German.
 */
export function messagesFor(tag: string): Messages {
  return { ...en, ...early[messageLanguage(tag)] };
}

/** Puts values in a message's `{0}`, `{1}`, … */
export function fill(message: string, ...values: (string | number)[]): string {
  return message.replace(/\{(\d)\}/g, (_, i: string) => String(values[+i]));
}

/** A sentence a member can act on, for an error the dashboard could not get past. */
export function errorMessage(m: Messages, { status, code }: DashboardErrorDetail): string {
  switch (code) {
    case 'network_error':
      return m.network;
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
