import {
  DASHBOARD_AUDIENCE,
  DEFAULT_DASHBOARD_TOKEN_SECONDS,
  Id,
  MAX_DASHBOARD_TOKEN_SECONDS,
  type DashboardToken,
} from '@affdash/core';
import { SignJWT } from 'jose';
import { InvalidInputError } from './errors.js';
import { valid } from './validate.js';

export interface MintDashboardTokenParams {
  /** The dashboard key's `id` (sent as the JWT `kid`). */
  keyId: string;
  /** The dashboard key's `secret`, as returned once by `dashboardKeys.create()`. */
  secret: string;
  /** The enrollment the token may read (the JWT `sub`). */
  enrollmentId: string;
  /** Lifetime in seconds: 1 to 86 400 (24 h). Default 3 600. */
  ttlSeconds?: number;
  /** An optional unique token id (the JWT `jti`). */
  jti?: string;
}

function invalid(path: string, message: string): InvalidInputError {
  return new InvalidInputError({
    code: 'validation_failed',
    message: `Invalid dashboard token: ${path}: ${message}`,
    details: { issues: [{ path, message }] },
  });
}

/**
 * Mint a dashboard token offline, with a dashboard key, without calling the API. The token
 * is a plain HS256 JWT: header `{ alg: 'HS256', kid: keyId }`, payload `aud`
 * (`affdash:dashboard`), `sub` (the enrollment id), `iat`, `exp` and optionally `jti`.
 *
 * @example
 * import { mintDashboardToken } from '@affdash/client';
 *
 * const { token, expiresAt } = await mintDashboardToken({
 *   keyId: process.env.AFFDASH_DASHBOARD_KEY_ID!,
 *   secret: process.env.AFFDASH_DASHBOARD_SECRET!,
 *   enrollmentId: 'enr_8Hq2…',
 *   ttlSeconds: 900,
 * });
 * // hand `token` to <affiliate-dashboard token="…">
 */
export async function mintDashboardToken(params: MintDashboardTokenParams): Promise<DashboardToken> {
  const { keyId, secret, enrollmentId, ttlSeconds = DEFAULT_DASHBOARD_TOKEN_SECONDS, jti } = params;
  valid(Id, keyId, 'dashboard key id');
  valid(Id, enrollmentId, 'enrollment id');
  if (typeof secret !== 'string' || secret.length === 0) throw invalid('secret', 'the dashboard key secret is required');
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_DASHBOARD_TOKEN_SECONDS) {
    throw invalid('ttlSeconds', `must be a whole number of seconds from 1 to ${MAX_DASHBOARD_TOKEN_SECONDS}`);
  }
  if (jti !== undefined && (typeof jti !== 'string' || jti.length === 0)) throw invalid('jti', 'must be a non-empty string');

  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + ttlSeconds;
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', kid: keyId })
    .setAudience(DASHBOARD_AUDIENCE)
    .setSubject(enrollmentId)
    .setIssuedAt(iat)
    .setExpirationTime(exp);
  if (jti !== undefined) jwt.setJti(jti);
  const token = await jwt.sign(new TextEncoder().encode(secret));
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}
