import {
  AllowedOrigins,
  AuditEvent,
  AuditEventListQuery,
  BrandSession,
  BrandSessionCreate,
  BrandSessionWithSecret,
  EmailResend,
  EmailResendResult,
  OfferMember,
  OfferMemberListQuery,
  OfferMembersAdd,
  OfferMembersAddResult,
  OfferSummary,
  BrandProfile,
  BrandProfileUpdate,
  CommissionStructure,
  Conversion,
  ConversionBatchCreate,
  ConversionBatchItem,
  ConversionBatchResult,
  ConversionCreate,
  ConversionEventList,
  ConversionListQuery,
  ConversionUpdate,
  Dashboard,
  DashboardConversion,
  DashboardConversionQuery,
  DashboardQuery,
  DashboardKey,
  DashboardKeyWithSecret,
  DashboardPayment,
  DashboardPayout,
  DashboardSeries,
  DashboardStatement,
  DashboardToken,
  DashboardTokenCreate,
  DashboardTotals,
  DayRange,
  EmailMessage,
  EmailMessageListQuery,
  EmailPreview,
  EmailSendResult,
  EmailTemplate,
  EmailTest,
  EmailTestResult,
  Enrollment,
  EnrollmentBulkCreate,
  EnrollmentBulkResult,
  EnrollmentCreate,
  EnrollmentListQuery,
  EnrollmentUpdate,
  ErrorBody,
  Id,
  MAX_CONVERSION_BATCH,
  Member,
  MemberCreate,
  MemberUpdate,
  MembersMessageEmail,
  Money,
  Offer,
  OfferCreate,
  OfferUpdate,
  Page,
  PageQuery,
  Payment,
  PaymentCreate,
  PaymentListQuery,
  SeriesPoint,
  SignedMoney,
  Timestamp,
  TrackingItemsEmail,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEndpointDeleted,
  WebhookEndpointUpdate,
  WebhookEndpointWithSecret,
  WebhookSecretRotate,
} from '@affdash/core';
import { z } from 'zod';
import { Jwks } from '../keys/jwks.js';

/**
 * The batch route's body. It validates each item on its own (a bad one fails alone), so this
 * takes any item; the document shows each as a `ConversionCreate` (zod copies the `$ref` of
 * the item's meta into its JSON Schema), so the route validates and documents with this one
 * instance.
 */
export const ConversionBatchBody = ConversionBatchCreate.extend({
  conversions: z
    .array(z.unknown().meta({ $ref: '#/components/schemas/ConversionCreate' }))
    .min(1)
    .max(MAX_CONVERSION_BATCH),
});

/** Request bodies, by the name the document gives them (read as input: defaults optional). */
export const bodySchemas = {
  OfferCreate,
  OfferUpdate,
  MemberCreate,
  MemberUpdate,
  EnrollmentCreate,
  EnrollmentUpdate,
  EnrollmentBulkCreate,
  ConversionCreate,
  ConversionBatchCreate: ConversionBatchBody,
  ConversionUpdate,
  PaymentCreate,
  DashboardTokenCreate,
  TrackingItemsEmail,
  MembersMessageEmail,
  EmailTest,
  AllowedOrigins,
  BrandProfileUpdate,
  WebhookEndpointCreate,
  WebhookEndpointUpdate,
  WebhookSecretRotate,
  BrandSessionCreate,
  OfferMembersAdd,
  EmailResend,
} satisfies Record<string, z.ZodType>;
export type BodyName = keyof typeof bodySchemas;

/** Query strings, as the routes validate them; the document lists their fields as parameters. */
export const querySchemas = {
  PageQuery,
  EnrollmentListQuery: PageQuery.extend(EnrollmentListQuery.shape),
  ConversionListQuery: PageQuery.extend(ConversionListQuery.shape),
  PaymentListQuery: PageQuery.extend(PaymentListQuery.shape),
  EmailMessageListQuery: PageQuery.extend(EmailMessageListQuery.shape),
  DashboardConversionQuery: PageQuery.extend(DashboardConversionQuery.shape),
  DashboardConversionCsvQuery: DashboardConversionQuery,
  DashboardQuery,
  DayRange,
  AuditEventListQuery: PageQuery.extend(AuditEventListQuery.shape),
  OfferMemberListQuery: PageQuery.extend(OfferMemberListQuery.shape),
} satisfies Record<string, z.ZodObject>;
export type QueryName = keyof typeof querySchemas;

/** Lists, each one schema instance so that a route's answer and its component are one. */
export const OfferPage = Page(Offer);
export const MemberPage = Page(Member);
export const EnrollmentPage = Page(Enrollment);
export const ConversionPage = Page(Conversion);
export const PaymentPage = Page(Payment);
export const DashboardKeyPage = Page(DashboardKey);
export const EmailMessagePage = Page(EmailMessage);
export const WebhookEndpointPage = Page(WebhookEndpoint);
export const WebhookDeliveryPage = Page(WebhookDelivery);
export const DashboardConversionPage = Page(DashboardConversion);
export const DashboardPaymentPage = Page(DashboardPayment);
export const BrandSessionPage = Page(BrandSession);
export const AuditEventPage = Page(AuditEvent);
export const OfferMemberPage = Page(OfferMember);
export const OfferSummaryPage = Page(OfferSummary);

/** `/health`. */
export const Health = z.object({ status: z.literal('ok') });

/** `/ready`: `ready` (200), else what is missing (503). */
export const Readiness = z.object({
  status: z.enum(['ready', 'migrations_pending', 'database_unavailable']),
  /** Migrations not applied yet, with `migrations_pending`. */
  pending: z.array(z.string()).optional(),
});

/** This document (its shape is OpenAPI 3.1's, not restated here). */
export const OpenApiDocument = z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) });

/** `POST /console/client-secret`. */
export const ConsoleClientSecret = z.object({ clientSecret: z.string(), expiresAt: z.iso.datetime() });

/** Response bodies, by the name the document gives them (read as output: what is sent). */
export const responseSchemas = {
  ErrorBody,
  Offer,
  OfferPage,
  Member,
  MemberPage,
  Enrollment,
  EnrollmentPage,
  EnrollmentBulkResult,
  Conversion,
  ConversionPage,
  ConversionBatchResult,
  ConversionEventList,
  Payment,
  PaymentPage,
  DashboardToken,
  DashboardKey,
  DashboardKeyWithSecret,
  DashboardKeyPage,
  EmailTemplate,
  EmailPreview,
  EmailSendResult,
  EmailTestResult,
  EmailMessage,
  EmailMessagePage,
  AllowedOrigins,
  BrandProfile,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEndpointPage,
  WebhookEndpointDeleted,
  WebhookDelivery,
  WebhookDeliveryPage,
  Dashboard,
  DashboardConversionPage,
  DashboardPaymentPage,
  DashboardSeries,
  DashboardStatement,
  Health,
  Readiness,
  Jwks,
  OpenApiDocument,
  BrandSession,
  BrandSessionWithSecret,
  BrandSessionPage,
  AuditEventPage,
  OfferMemberPage,
  OfferSummaryPage,
  OfferMembersAddResult,
  EmailResendResult,
  ConsoleClientSecret,
} satisfies Record<string, z.ZodType>;
export type ResponseName = keyof typeof responseSchemas;

/** Parts of responses that get a component of their own, referenced wherever they occur. */
export const sharedSchemas = {
  Id,
  Timestamp,
  Money,
  SignedMoney,
  CommissionStructure,
  ConversionBatchItem,
  DashboardTotals,
  DashboardConversion,
  DashboardPayment,
  DashboardPayout,
  SeriesPoint,
} satisfies Record<string, z.ZodType>;
