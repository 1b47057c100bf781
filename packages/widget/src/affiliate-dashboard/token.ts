/** The claims the widget reads from a dashboard token. It never verifies: the API does. */
export interface TokenClaims {
  /** The enrollment id. */
  sub: string;
  /** Expiry, seconds since the epoch. */
  exp?: number;
}

/** Reads a JWT's payload without verifying it; undefined when it is not a token with a `sub`. */
export function readToken(token: string): TokenClaims | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    // atob() takes base64 without its padding. Only ASCII claims are read: no UTF-8 decoding.
    // A payload that is not an object has no string `sub` (and `null` throws here).
    const { sub, exp } = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
    if (typeof sub !== 'string' || sub === '') return undefined;
    return typeof exp === 'number' ? { sub, exp } : { sub };
  } catch {
    return undefined;
  }
}
