/**
 * The words of the server's own pages (the hosted dashboard's frame and its notice pages), by
 * key. `{brand}`, `{offer}` and `{email}` are filled in; every value is HTML-escaped.
 */
export interface PageWords {
  /** The `<h1>` beside the logo: "{brand} · Partner dashboard". */
  dashboard: string;
  /** Shown above the widget while an enrollment is paused. */
  pausedBanner: string;
  unknownTitle: string;
  unknownBody: string;
  replacedTitle: string;
  replacedBody: string;
  endedTitle: string;
  endedBody: string;
  revokedTitle: string;
  revokedBody: string;
  noSessionTitle: string;
  noSessionBody: string;
  pausedTitle: string;
  pausedBody: string;
  trackingEndedTitle: string;
  trackingEndedBody: string;
  /** The tracking link's way on to the shop while it is paused. */
  visitShop: string;
  trackingUnknownTitle: string;
  trackingUnknownBody: string;
  contact: string;
  emailLabel: string;
  sendLink: string;
  sentTitle: string;
  sentBody: string;
  badEmail: string;
  tooMany: string;
  /** The language switcher's label. */
  language: string;
  /** A page that cannot be shown for an error it has no page of its own for; `{requestId}` to quote. */
  errorTitle: string;
  errorBody: string;
}
