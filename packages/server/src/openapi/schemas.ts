import {
  AllowedOrigins,
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
  /** The route validates each item on its own (a bad one fails alone), so its schema takes any
   * item; what a client sends is a list of `ConversionCreate`. */
  ConversionBatchCreate: ConversionBatchCreate.extend({
    conversions: z.array(ConversionCreate).min(1).max(MAX_CONVERSION_BATCH),
  }),
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
} satisfies Record<string, z.ZodObject>;
export type QueryName = keyof typeof querySchemas;

/** `/health`. */
const Health = z.object({ status: z.literal('ok') });

/** `/ready`: `ready` (200), else what is missing (503). */
const Readiness = z.object({
  status: z.enum(['ready', 'migrations_pending', 'database_unavailable']),
  /** Migrations not applied yet, with `migrations_pending`. */
  pending: z.array(z.string()).optional(),
});

/** This document (its shape is OpenAPI 3.1's, not restated here). */
const OpenApiDocument = z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) });

/** Response bodies, by the name the document gives them (read as output: what is sent). */
export const responseSchemas = {
  ErrorBody,
  Offer,
  OfferPage: Page(Offer),
  Member,
  MemberPage: Page(Member),
  Enrollment,
  EnrollmentPage: Page(Enrollment),
  EnrollmentBulkResult,
  Conversion,
  ConversionPage: Page(Conversion),
  ConversionBatchResult,
  ConversionEventList,
  Payment,
  PaymentPage: Page(Payment),
  DashboardToken,
  DashboardKey,
  DashboardKeyWithSecret,
  DashboardKeyPage: Page(DashboardKey),
  EmailTemplate,
  EmailPreview,
  EmailSendResult,
  EmailTestResult,
  EmailMessage,
  EmailMessagePage: Page(EmailMessage),
  AllowedOrigins,
  BrandProfile,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
  WebhookEndpointPage: Page(WebhookEndpoint),
  WebhookEndpointDeleted,
  WebhookDelivery,
  WebhookDeliveryPage: Page(WebhookDelivery),
  Dashboard,
  DashboardConversionPage: Page(DashboardConversion),
  DashboardPaymentPage: Page(DashboardPayment),
  DashboardSeries,
  DashboardStatement,
  Health,
  Readiness,
  Jwks,
  OpenApiDocument,
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
