import {
  DASHBOARD_AUDIENCE,
  DEFAULT_DASHBOARD_TOKEN_SECONDS,
  MAX_DASHBOARD_TOKEN_SECONDS,
  type DashboardToken,
} from '@affdash/core';
import { SignJWT, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { ApiError } from '../http/errors.js';
import type { DashboardKeyStore } from './dashboard-key-store.js';
import { newId } from './random.js';
import type { ServerKeys } from './server-keys.js';

/** Claim naming the brand in tokens the server signs itself. */
const BRAND_CLAIM = 'bid';
const CLOCK_TOLERANCE_SECONDS = 30;

/** What a verified dashboard token grants: one enrollment of one brand. */
export interface DashboardGrant {
  brandId: string;
  enrollmentId: string;
}

/** Mints a dashboard token signed by the server (EdDSA), for the API and the hosted page. */
export async function mintServerToken(
  keys: ServerKeys,
  grant: DashboardGrant,
  ttlSeconds = DEFAULT_DASHBOARD_TOKEN_SECONDS,
): Promise<DashboardToken> {
  const ttl = Math.min(ttlSeconds, MAX_DASHBOARD_TOKEN_SECONDS);
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ [BRAND_CLAIM]: grant.brandId })
    .setProtectedHeader({ alg: 'EdDSA', kid: keys.signingKid, typ: 'JWT' })
    .setAudience(DASHBOARD_AUDIENCE)
    .setSubject(grant.enrollmentId)
    .setIssuedAt(now)
    .setExpirationTime(now + ttl)
    .setJti(newId('jti'))
    .sign(keys.signingKey);
  return { token, expiresAt: new Date((now + ttl) * 1000).toISOString() };
}

const unauthorized = (message: string) => new ApiError('unauthorized', message);

/**
 * Verifies a dashboard token: algorithm allow-list per key, `kid` lookup, `aud`, `exp`,
 * a lifetime of at most 24 h. Tokens from a brand's dashboard key (HS256) are bound to that
 * brand; tokens the server signed (EdDSA) carry the brand in a claim.
 */
export async function verifyDashboardToken(
  token: string,
  keys: ServerKeys,
  store: DashboardKeyStore,
): Promise<DashboardGrant> {
  let header;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw unauthorized('The dashboard token is not a JWT.');
  }
  if (typeof header.kid !== 'string' || !header.kid) {
    throw unauthorized('The dashboard token has no key id (kid).');
  }
  const server = header.kid === keys.signingKid;
  const brandKey = server ? null : await store.verificationKey(header.kid);
  if (!server && !brandKey) throw unauthorized('The dashboard token names an unknown or revoked key.');
  try {
    const { payload } = await jwtVerify(token, server ? keys.verifyKey : brandKey!.key, {
      algorithms: [server ? 'EdDSA' : 'HS256'],
      audience: DASHBOARD_AUDIENCE,
      requiredClaims: ['sub', 'exp', 'iat'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    if (payload.exp! - payload.iat! > MAX_DASHBOARD_TOKEN_SECONDS) {
      throw unauthorized('The dashboard token lives longer than 24 hours.');
    }
    const brandId = server ? payload[BRAND_CLAIM] : brandKey!.brandId;
    if (typeof brandId !== 'string') throw unauthorized('The dashboard token names no brand.');
    return { brandId, enrollmentId: payload.sub! };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof errors.JWTExpired) {
      throw new ApiError('token_expired', 'The dashboard token has expired; get a new one.');
    }
    if (error instanceof errors.JOSEAlgNotAllowed) {
      throw unauthorized('The dashboard token uses an algorithm this key does not allow.');
    }
    if (error instanceof errors.JWTClaimValidationFailed) {
      throw unauthorized(`The dashboard token's ${error.claim} claim is invalid.`);
    }
    throw unauthorized('The dashboard token signature is not valid.');
  }
}
