export { AffdashOfferMembers } from './brand/offer-members/offer-members.js';
export type { MemberFilter } from './brand/offer-members/offer-members.js';
export { AffdashEmailComposer } from './brand/email-composer/email-composer.js';
export { BrandConnection } from './brand/connection.js';
export type { ClientSecret, FetchClientSecret } from './brand/connection.js';
export { AffdashOffers } from './brand/offers/offers.js';
