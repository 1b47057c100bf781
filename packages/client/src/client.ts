import { Http } from './http.js';
import { connection, invalidOption, type ConnectionOptions } from './options.js';
import { Brand } from './resources/brand.js';
import { AuditEvents, BrandSessions } from './resources/brand-sessions.js';
import { OfferMembers } from './resources/offer-members.js';
import { Conversions } from './resources/conversions.js';
import { DashboardKeys } from './resources/dashboard-keys.js';
import { DashboardTokens } from './resources/dashboard-tokens.js';
import { Emails } from './resources/emails.js';
import { Enrollments } from './resources/enrollments.js';
import { Members } from './resources/members.js';
import { Offers } from './resources/offers.js';
import { Payments } from './resources/payments.js';
import { WebhookEndpoints } from './resources/webhook-endpoints.js';

export interface AffdashOptions extends ConnectionOptions {
  /** The brand's secret API key. Keep it on your server. */
  apiKey: string;
}

/**
 * The brand client: manage offers, members, enrollments, conversions, payments and
 * dashboard tokens with the brand's API key. Use it on your server only.
 *
 * @example
 * import { Affdash } from '@affdash/client';
 *
 * const affdash = new Affdash({ apiKey: process.env.AFFDASH_API_KEY!, baseUrl: 'https://affdash.example.com' });
 * const offer = await affdash.offers.retrieve('off_3kq9');
 * for await (const conversion of affdash.conversions.list({ status: 'pending' })) {
 *   console.log(conversion.orderId, conversion.commission);
 * }
 */
export class Affdash {
  readonly offers: Offers;
  readonly members: Members;
  readonly enrollments: Enrollments;
  readonly conversions: Conversions;
  readonly payments: Payments;
  readonly dashboardTokens: DashboardTokens;
  readonly dashboardKeys: DashboardKeys;
  readonly emails: Emails;
  /** Where the brand's events are POSTed, and each delivery. */
  readonly webhookEndpoints: WebhookEndpoints;
  /** The brand's own settings: `brand.allowedOrigins`. */
  readonly brand: Brand;
  /** Client secrets for the brand-side components, and console login links. */
  readonly brandSessions: BrandSessions;
  /** What brand sessions did, with their staff user. */
  readonly auditEvents: AuditEvents;
  /** An offer's members with code, links and last emailed; adding people to an offer. */
  readonly offerMembers: OfferMembers;

  constructor(options: AffdashOptions) {
    const { apiKey } = options;
    if (typeof apiKey !== 'string' || apiKey.trim() === '') throw invalidOption('apiKey', 'the API key is required');
    const http = new Http({ ...connection(options), credentials: { bearer: () => apiKey } });
    this.offers = new Offers(http);
    this.members = new Members(http);
    this.enrollments = new Enrollments(http);
    this.conversions = new Conversions(http);
    this.payments = new Payments(http);
    this.dashboardTokens = new DashboardTokens(http);
    this.dashboardKeys = new DashboardKeys(http);
    this.emails = new Emails(http);
    this.webhookEndpoints = new WebhookEndpoints(http);
    this.brand = new Brand(http);
    this.brandSessions = new BrandSessions(http);
    this.auditEvents = new AuditEvents(http);
    this.offerMembers = new OfferMembers(http);
  }
}
