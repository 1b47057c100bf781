import { InvalidInputError } from './errors.js';

/** Options shared by `Affdash` and `DashboardClient`. */
export interface ConnectionOptions {
  /** The API's origin, e.g. `https://affdash.example.com` (without `/v1`). */
  baseUrl: string;
  /** Per-attempt timeout in milliseconds. Default 30 000. */
  timeoutMs?: number;
  /** Retries of safe requests on 429, 5xx and network errors. Default 2. */
  maxRetries?: number;
  /** A `fetch` to use instead of the global one. */
  fetch?: typeof fetch;
}

/** Check the options both clients share and fill the defaults. */
export function connection(options: ConnectionOptions) {
  const { baseUrl, timeoutMs = 30_000, maxRetries = 2 } = options;
  if (typeof baseUrl !== 'string' || !URL.canParse(baseUrl)) throw invalidOption('baseUrl', 'must be an absolute URL');
  if (!(Number.isInteger(timeoutMs) && timeoutMs > 0)) throw invalidOption('timeoutMs', 'must be a positive integer');
  if (!(Number.isInteger(maxRetries) && maxRetries >= 0)) throw invalidOption('maxRetries', 'must be an integer ≥ 0');
  return { baseUrl, timeoutMs, maxRetries, fetch: options.fetch };
}

export function invalidOption(path: string, message: string): InvalidInputError {
  return new InvalidInputError({
    code: 'validation_failed',
    message: `Invalid client options: ${path}: ${message}`,
    details: { issues: [{ path, message }] },
  });
}
