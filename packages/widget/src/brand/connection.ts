import { ApiError } from '../affiliate-dashboard/api.js';

export { ApiError };

/** What `fetchClientSecret` may give: the secret, or the secret and when it expires. */
export type ClientSecret = string | { clientSecret: string; expiresAt?: string | null };

/** Gives a brand session's client secret, minted by the brand's backend (`POST /v1/brand-sessions`). */
export type FetchClientSecret = () => Promise<ClientSecret>;

/** A secret is renewed this long before it expires. */
const RENEW_MS = 30_000;

export type Query = Record<string, string | number | boolean | undefined>;

/**
 * The brand components' way to the `/v1` API: `Authorization: Bearer <client secret>`, the
 * secret asked of `fetchClientSecret` on first use, again shortly before it expires, and once
 * more when the API answers 401 (the request is then retried). One connection is shared by a
 * component and the drawer it opens.
 */
export class BrandConnection {
  #secret: string | undefined;
  #expiresAt = Infinity;
  #pending: Promise<string> | undefined;

  constructor(
    readonly apiBase: string,
    readonly fetchClientSecret: FetchClientSecret,
  ) {}

  async #current(renew = false): Promise<string> {
    if (!renew && this.#secret && Date.now() < this.#expiresAt - RENEW_MS) return this.#secret;
    this.#pending ??= (async () => {
      try {
        const given = await this.fetchClientSecret();
        const { clientSecret, expiresAt } = typeof given === 'string' ? { clientSecret: given, expiresAt: null } : given;
        if (typeof clientSecret !== 'string' || !clientSecret) throw new ApiError(0, 'invalid_secret', 'fetchClientSecret gave no client secret');
        this.#secret = clientSecret;
        this.#expiresAt = expiresAt ? Date.parse(expiresAt) : Infinity;
        return clientSecret;
      } finally {
        this.#pending = undefined;
      }
    })();
    return this.#pending;
  }

  url(path: string, query: Query = {}): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params.set(key, String(value));
    }
    const search = params.size ? `?${params}` : '';
    return `${this.apiBase.replace(/\/+$/, '')}${path}${search}`;
  }

  /** JSON in and out; anything but a 2xx becomes an {@link ApiError} with the API's code and message. */
  async request<T>(method: string, path: string, options: { query?: Query; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
    const send = async (secret: string) => {
      try {
        return await fetch(this.url(path, options.query), {
          method,
          headers: {
            authorization: `Bearer ${secret}`,
            ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
            ...options.headers,
          },
          ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        });
      } catch {
        throw new ApiError(0, 'network_error', 'The server could not be reached');
      }
    };
    let response = await send(await this.#current());
    if (response.status === 401) response = await send(await this.#current(true));
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok && body !== undefined) return body as T;
    const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
    const failure = new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : `http_${response.status}`,
      typeof error?.message === 'string' ? error.message : response.statusText || `HTTP ${response.status}`,
    );
    (failure as ApiError & { details?: unknown }).details = error?.details;
    throw failure;
  }
}

/** The validation issues of a 400, by field path (`subject`, `body`). */
export function fieldIssues(error: unknown): Record<string, string> {
  const details = (error as { details?: { issues?: { path: string; message: string }[] } }).details;
  return Object.fromEntries((details?.issues ?? []).map((i) => [i.path, i.message]));
}
