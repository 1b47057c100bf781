export { Affdash } from './client.js';
export type { AffdashOptions } from './client.js';
export type { ConnectionOptions } from './options.js';
export { DashboardClient } from './dashboard-client.js';
export type { DashboardClientOptions, TokenProvider } from './dashboard-client.js';
export { mintDashboardToken } from './tokens.js';
export type { MintDashboardTokenParams } from './tokens.js';
export { WEBHOOK_SIGNATURE_HEADER, constructWebhookEvent, verifyWebhookSignature } from './webhook-signature.js';
export type { VerifyWebhookSignatureParams, WebhookEvent } from './webhook-signature.js';
export { PagePromise } from './pagination.js';
export type { RequestOptions } from './http.js';
export type { ListParams } from './resource.js';
export { APIResource } from './resource.js';

export {
  AffdashError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  InvalidInputError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TokenExpiredError,
  UnprocessableEntityError,
  WebhookSignatureError,
  isAffdashError,
  isAuthenticationError,
  isBadRequestError,
  isConflictError,
  isConnectionError,
  isInternalServerError,
  isInvalidInputError,
  isInvalidResponseError,
  isNotFoundError,
  isPermissionDeniedError,
  isRateLimitError,
  isTokenExpiredError,
  isUnprocessableEntityError,
  isWebhookSignatureError,
} from './errors.js';
export type { AffdashErrorInit, ErrorDetails } from './errors.js';

export { Offers } from './resources/offers.js';
export type { Offer, OfferCreate, OfferListParams, OfferUpdate } from './resources/offers.js';
export { Members } from './resources/members.js';
export type { Member, MemberCreate, MemberListParams, MemberUpdate } from './resources/members.js';
export { Enrollments } from './resources/enrollments.js';
export type {
  Enrollment,
  EnrollmentBulkCreate,
  EnrollmentBulkResult,
  EnrollmentCreate,
  EnrollmentListParams,
  EnrollmentUpdate,
} from './resources/enrollments.js';
export { Brand, BrandAllowedOrigins, BrandProfiles } from './resources/brand.js';
export type { AllowedOrigins, AllowedOriginsUpdate, BrandProfile, BrandProfileUpdate } from './resources/brand.js';
export { Conversions } from './resources/conversions.js';
export type {
  Conversion,
  ConversionBatchCreate,
  ConversionBatchItem,
  ConversionBatchOptions,
  ConversionBatchResult,
  ConversionCreate,
  ConversionEvent,
  ConversionListParams,
  ConversionRecord,
  ConversionStatus,
  ConversionUpdate,
} from './resources/conversions.js';
export { Payments } from './resources/payments.js';
export type { Payment, PaymentCreate, PaymentListParams } from './resources/payments.js';
export { DashboardTokens } from './resources/dashboard-tokens.js';
export type { DashboardToken, DashboardTokenCreate } from './resources/dashboard-tokens.js';
export { DashboardKeys } from './resources/dashboard-keys.js';
export type { DashboardKey, DashboardKeyListParams, DashboardKeyWithSecret } from './resources/dashboard-keys.js';
export { DashboardConversions, DashboardPayments } from './resources/dashboard.js';
export type {
  Dashboard,
  DashboardConversion,
  DashboardConversionListParams,
  DashboardPayment,
  DashboardPaymentListParams,
} from './resources/dashboard.js';
export { Emails, EmailMessages, MembersMessage, TrackingItems } from './resources/emails.js';
export type {
  EmailMessage,
  EmailMessageListParams,
  EmailPreview,
  EmailSendResult,
  EmailTest,
  EmailTestResult,
  EmailTemplate,
  EmailResend,
  EmailResendResult,
  MembersMessageEmail,
  TrackingItemsEmail,
} from './resources/emails.js';
export { AuditEvents, BrandSessions } from './resources/brand-sessions.js';
export type {
  AuditEvent,
  AuditEventListParams,
  BrandSession,
  BrandSessionCreate,
  BrandSessionListParams,
  BrandSessionWithSecret,
} from './resources/brand-sessions.js';
export { OfferMembers } from './resources/offer-members.js';
export type { OfferMember, OfferMemberListParams, OfferMembersAdd, OfferMembersAddResult } from './resources/offer-members.js';
export { WebhookDeliveries, WebhookEndpoints } from './resources/webhook-endpoints.js';
export type {
  WebhookDelivery,
  WebhookDeliveryListParams,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointDeleted,
  WebhookEndpointListParams,
  WebhookEndpointUpdate,
  WebhookEndpointWithSecret,
  WebhookSecretRotate,
  WebhookEventType,
} from './resources/webhook-endpoints.js';
