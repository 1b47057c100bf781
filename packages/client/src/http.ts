import ky, { HTTPError, type KyInstance, type RetryOptions, TimeoutError } from 'ky';
import { errorFromResponse } from './error-mapping.js';
import { AffdashError, ConnectionError, TokenExpiredError } from './errors.js';
import { parseResponse, type Schema } from './validate.js';

/** Per-call options accepted by every method as its last argument. */
export interface RequestOptions {
  /** Abort the request. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
  /**
   * Sent as the `Idempotency-Key` header of a POST or PATCH, on every attempt: the API
   * answers a retry with the first answer and writes nothing twice, for 24 hours. Without it
   * the client makes one (`affdash-retry-<uuid>`) per call when it may retry (`maxRetries` > 0).
   * Give your own to make the operation safe to repeat across calls and processes too
   * (`pay-2026-11-enr_1`).
   */
  idempotencyKey?: string;
}

/** How requests are authorized: a bearer credential, and optionally a way to renew it. */
export interface Credentials {
  bearer(): string | Promise<string>;
  /** Called once when the API answers `token_expired`; the request is then repeated. */
  renew?(): Promise<string>;
}

export interface HttpOptions {
  baseUrl: string;
  credentials: Credentials;
  timeoutMs: number;
  maxRetries: number;
  fetch?: typeof fetch | undefined;
}

export type Query = Record<string, string | number | undefined>;

export interface Call<T> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  schema: Schema<T>;
  query?: Query | undefined;
  body?: unknown;
  /** Safe to repeat: retried on 429, 5xx and network errors. GET always is. */
  idempotent?: boolean | undefined;
  /** Request headers of this call, beside those every call sends. */
  headers?: Record<string, string> | undefined;
  /**
   * A GET whose answer carries an ETag: the answer is kept, and the next identical call sends
   * `If-None-Match`; a 304 then returns the kept answer without a body over the wire.
   */
  revalidate?: boolean | undefined;
  options?: RequestOptions | undefined;
}

export interface Reply<T> {
  data: T;
  status: number;
  requestId: string | undefined;
}

/** How many revalidated answers one client keeps (the least recently used go first). */
const KEPT_ANSWERS = 50;

/** The one place that talks HTTP: ky, auth, retries, error mapping, response parsing. */
export class Http {
  readonly #ky: KyInstance;
  readonly #options: HttpOptions;
  readonly #kept = new Map<string, { etag: string; body: unknown }>();

  constructor(options: HttpOptions) {
    this.#options = options;
    this.#ky = ky.create({
      prefixUrl: options.baseUrl,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      headers: { accept: 'application/json' },
    });
  }

  async request<T>(call: Call<T>): Promise<Reply<T>> {
    const { credentials } = this.#options;
    // one key per logical call, sent on every attempt (retries and the repeat after renewal)
    const writes = call.method === 'POST' || call.method === 'PATCH';
    const idempotencyKey =
      call.options?.idempotencyKey ?? (writes && this.#options.maxRetries > 0 ? `affdash-retry-${crypto.randomUUID()}` : undefined);
    if (idempotencyKey !== undefined) call = { ...call, options: { ...call.options, idempotencyKey } };
    try {
      return await this.#send(call, await credentials.bearer());
    } catch (error) {
      if (!(error instanceof TokenExpiredError) || !credentials.renew) throw error;
      return this.#send(call, await credentials.renew());
    }
  }

  async #send<T>(call: Call<T>, bearer: string): Promise<Reply<T>> {
    const { options = {} } = call;
    // a POST or PATCH with a key is safe to repeat: the API replays the first answer
    const idempotent = call.method === 'GET' || call.method === 'PUT' || call.idempotent === true || options.idempotencyKey !== undefined;
    const retry: RetryOptions = {
      limit: idempotent ? this.#options.maxRetries : 0,
      methods: ['get', 'post', 'put', 'patch', 'delete'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      retryOnTimeout: idempotent,
      backoffLimit: 8_000,
      jitter: true,
    };
    const headers: Record<string, string> = { ...call.headers, authorization: `Bearer ${bearer}` };
    if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
    const keyOf = call.revalidate && call.method === 'GET' ? `${call.path}?${new URLSearchParams(definedQuery(call.query))}` : undefined;
    const kept = keyOf === undefined ? undefined : this.#kept.get(keyOf);
    if (kept) headers['if-none-match'] = kept.etag;
    let response: Response;
    try {
      response = await this.#ky(call.path, {
        method: call.method,
        headers,
        retry,
        timeout: options.timeoutMs ?? this.#options.timeoutMs,
        ...(call.body === undefined ? {} : { json: call.body }),
        ...(call.query ? { searchParams: call.query } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      if (kept && keyOf !== undefined && error instanceof HTTPError && error.response.status === 304) {
        this.#keep(keyOf, kept.etag, kept.body);
        const requestId = error.response.headers.get('x-request-id') ?? undefined;
        return { data: parseResponse(call.schema, kept.body, requestId), status: 304, requestId };
      }
      throw await toAffdashError(error, options.signal);
    }
    const requestId = response.headers.get('x-request-id') ?? undefined;
    const body = await readJson(response);
    const data = parseResponse(call.schema, body, requestId);
    const etag = response.headers.get('etag');
    if (keyOf !== undefined) {
      if (etag) this.#keep(keyOf, etag, body);
      else this.#kept.delete(keyOf);
    }
    return { data, status: response.status, requestId };
  }

  #keep(key: string, etag: string, body: unknown): void {
    this.#kept.delete(key);
    this.#kept.set(key, { etag, body });
    if (this.#kept.size > KEPT_ANSWERS) this.#kept.delete(this.#kept.keys().next().value!);
  }
}

function definedQuery(query: Query | undefined): Record<string, string> {
  const defined: Record<string, string> = {};
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) defined[key] = String(value);
  return defined;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function toAffdashError(error: unknown, signal: AbortSignal | undefined): Promise<unknown> {
  if (error instanceof HTTPError) {
    const { response } = error;
    return errorFromResponse(response.status, await readJson(response).catch(() => undefined), response.headers);
  }
  if (signal?.aborted || error instanceof AffdashError) return error;
  if (error instanceof TimeoutError) {
    return new ConnectionError({ code: 'timeout', message: 'The request to the API timed out', cause: error });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ConnectionError({
    code: 'connection_failed',
    message: `Could not reach the API: ${reason}`,
    cause: error,
  });
}
