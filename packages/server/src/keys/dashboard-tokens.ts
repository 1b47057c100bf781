import {
  DASHBOARD_AUDIENCE,
  DEFAULT_DASHBOARD_TOKEN_SECONDS,
  MAX_DASHBOARD_TOKEN_SECONDS,
  type DashboardToken,
} from '@affdash/core';
import { SignJWT } from 'jose';
import type { DashboardKeyStore } from './dashboard-key-store.js';
import { JwsError, splitJws, verifyJws } from './jwt.js';
import { newId } from './random.js';
import type { ServerKeys } from './server-keys.js';
import type { VerifiedTokens } from './verified-tokens.js';

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

/**
 * Why a dashboard token was refused: `token_expired` when it is only too old (get a new one),
 * `unauthorized` for anything else. The dashboard-token middleware answers it as the error body
 * of the same code.
 */
export class DashboardTokenError extends Error {
  readonly code: 'unauthorized' | 'token_expired';

  constructor(code: DashboardTokenError['code'], message: string) {
    super(message);
    this.name = 'DashboardTokenError';
    this.code = code;
  }
}

const unauthorized = (message: string) => new DashboardTokenError('unauthorized', message);
const invalidClaim = (claim: string) => unauthorized(`The dashboard token's ${claim} claim is invalid.`);

/**
 * The claim rules of a dashboard token, at `now` (seconds): `aud` is the dashboard's; `sub`,
 * `exp` and `iat` are there; not expired (30 s of clock tolerance); `iat` not ahead of the
 * clock and `nbf` not still ahead; `exp` at most 24 h after `iat`, so (with `iat` not ahead)
 * at most 24 h from now: a token minted with `iat` ten years ahead is refused, not good for
 * ten years.
 */
export function checkDashboardClaims(payload: Record<string, unknown>, now: number): { sub: string; exp: number } {
  const { aud, sub, exp, iat, nbf } = payload;
  if (!(aud === DASHBOARD_AUDIENCE || (Array.isArray(aud) && aud.includes(DASHBOARD_AUDIENCE)))) {
    throw invalidClaim('aud');
  }
  if (typeof sub !== 'string' || !sub) throw invalidClaim('sub');
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw invalidClaim('exp');
  if (typeof iat !== 'number' || !Number.isFinite(iat)) throw invalidClaim('iat');
  if (nbf !== undefined && (typeof nbf !== 'number' || !Number.isFinite(nbf))) throw invalidClaim('nbf');
  if (exp <= now - CLOCK_TOLERANCE_SECONDS) {
    throw new DashboardTokenError('token_expired', 'The dashboard token has expired; get a new one.');
  }
  if (iat > now + CLOCK_TOLERANCE_SECONDS) throw invalidClaim('iat');
  if (typeof nbf === 'number' && nbf > now + CLOCK_TOLERANCE_SECONDS) throw invalidClaim('nbf');
  if (exp - iat > MAX_DASHBOARD_TOKEN_SECONDS) {
    throw unauthorized('The dashboard token lives longer than 24 hours.');
  }
  return { sub, exp };
}

/**
 * Verifies a dashboard token: algorithm allow-list per key, `kid` lookup, signature (with
 * node:crypto, keys imported once), then the claim rules (`checkDashboardClaims`). Tokens from
 * a brand's dashboard key (HS256) are bound to that brand; tokens the server signed (EdDSA)
 * carry the brand in a claim. With `cache`, a token verified before is not verified again
 * until its `exp` (a revoked key's tokens are forgotten: see `VerifiedTokens`).
 */
export async function verifyDashboardToken(
  token: string,
  keys: ServerKeys,
  store: DashboardKeyStore,
  cache?: VerifiedTokens | null,
): Promise<DashboardGrant> {
  const cached = cache?.get(token);
  if (cached) return cached;
  const generation = cache?.generation ?? 0;
  let header;
  try {
    header = splitJws(token).header;
  } catch {
    throw unauthorized('The dashboard token is not a JWT.');
  }
  if (typeof header.kid !== 'string' || !header.kid) {
    throw unauthorized('The dashboard token has no key id (kid).');
  }
  const kid = header.kid;
  const server = kid === keys.signingKid;
  const brandKey = server ? null : await store.verificationKey(kid);
  if (!server && !brandKey) throw unauthorized('The dashboard token names an unknown or revoked key.');
  let payload;
  try {
    payload = verifyJws(token, server ? 'EdDSA' : 'HS256', server ? keys.verifyKey : brandKey!.key);
  } catch (error) {
    if (error instanceof JwsError && error.failure === 'algorithm') {
      throw unauthorized('The dashboard token uses an algorithm this key does not allow.');
    }
    if (error instanceof JwsError && error.failure === 'malformed') {
      throw unauthorized('The dashboard token is not a JWT.');
    }
    throw unauthorized('The dashboard token signature is not valid.');
  }
  const { sub, exp } = checkDashboardClaims(payload, Math.floor(Date.now() / 1000));
  const brandId = server ? payload[BRAND_CLAIM] : brandKey!.brandId;
  if (typeof brandId !== 'string') throw unauthorized('The dashboard token names no brand.');
  const grant = { brandId, enrollmentId: sub };
  cache?.set(token, kid, grant, (exp + CLOCK_TOLERANCE_SECONDS) * 1000, generation);
  return grant;
}
