import { z } from 'zod';
import { Id, Timestamp } from './common.js';

/** The JWT audience of every dashboard token. */
export const DASHBOARD_AUDIENCE = 'affdash:dashboard';
/** The longest a dashboard token may live: 24 hours. */
export const MAX_DASHBOARD_TOKEN_SECONDS = 24 * 60 * 60;
export const DEFAULT_DASHBOARD_TOKEN_SECONDS = 60 * 60;

export const DashboardTokenCreate = z.object({
  enrollmentId: Id,
  ttlSeconds: z.number().int().min(60).max(MAX_DASHBOARD_TOKEN_SECONDS).optional(),
});
export type DashboardTokenCreate = z.input<typeof DashboardTokenCreate>;

export const DashboardToken = z.object({ token: z.string(), expiresAt: Timestamp });
export type DashboardToken = z.infer<typeof DashboardToken>;

/** A brand's key for minting dashboard tokens offline (HS256). The secret is shown once. */
export const DashboardKey = z.object({
  id: Id,
  algorithm: z.literal('HS256'),
  createdAt: Timestamp,
  revokedAt: Timestamp.nullable(),
});
export type DashboardKey = z.infer<typeof DashboardKey>;

export const DashboardKeyWithSecret = DashboardKey.extend({ secret: z.string() });
export type DashboardKeyWithSecret = z.infer<typeof DashboardKeyWithSecret>;
