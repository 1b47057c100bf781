/**
 * The rate limits, each a number of hits per client in a fixed window; 0 turns one off.
 * Read from the environment by `loadConfig` (names in brackets).
 */
export interface RateLimitSettings {
  /** The window, in seconds (`AFFDASH_RATE_LIMIT_WINDOW`). */
  windowSeconds: number;
  /** Failed authentications (401) per client address (`AFFDASH_RATE_LIMIT_FAILED_AUTH`). */
  failedAuth: number;
  /** Requests for hosted dashboard pages `/d/…` per client address (`AFFDASH_RATE_LIMIT_HOSTED`). */
  hosted: number;
  /** Writes (POST, PUT, PATCH, DELETE) per API key (`AFFDASH_RATE_LIMIT_WRITES`). */
  writes: number;
  /** Proxies of your own in front of the API whose `X-Forwarded-For` is trusted (`AFFDASH_TRUST_PROXIES`). */
  trustProxies: number;
}

export const defaultRateLimits: RateLimitSettings = {
  windowSeconds: 60,
  failedAuth: 30,
  hosted: 300,
  writes: 12_000,
  trustProxies: 0,
};

/** The environment variable of each setting. */
export const rateLimitEnv: Record<keyof RateLimitSettings, string> = {
  windowSeconds: 'AFFDASH_RATE_LIMIT_WINDOW',
  failedAuth: 'AFFDASH_RATE_LIMIT_FAILED_AUTH',
  hosted: 'AFFDASH_RATE_LIMIT_HOSTED',
  writes: 'AFFDASH_RATE_LIMIT_WRITES',
  trustProxies: 'AFFDASH_TRUST_PROXIES',
};
