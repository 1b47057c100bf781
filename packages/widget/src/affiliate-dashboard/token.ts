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
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    // Only ASCII claims are read, so the bytes need no UTF-8 decoding.
    const claims: unknown = JSON.parse(atob(padded));
    if (!claims || typeof claims !== 'object') return undefined;
    const { sub, exp } = claims as Record<string, unknown>;
    if (typeof sub !== 'string' || sub === '') return undefined;
    return typeof exp === 'number' ? { sub, exp } : { sub };
  } catch {
    return undefined;
  }
}
