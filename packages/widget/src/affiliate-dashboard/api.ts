
/** What went wrong, in the API's terms: the detail of `affdash-error`. */
export interface DashboardErrorDetail {
  /** HTTP status; 0 when no response came (network, bad token). */
  status: number;
  /**
   * The API's error code (`token_expired`, `not_found`, …), or `network_error`, `invalid_token`,
   * or `origin_not_allowed` (the brand does not allow the page's origin).
   */
  code: string;
  message: string;
}

/** A failed request, carrying the API's status, code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function toErrorDetail(error: unknown): DashboardErrorDetail {
  const { status = 0, code = 'unknown' } = error instanceof ApiError ? error : {};
  return { status, code, message: error instanceof Error ? error.message : String(error) };
}

export type Query = Record<string, string | number | undefined>;

/** `{apiBase}/v1/dashboard/enrollments/{id}{path}?{query}`, leaving out empty query values. */
export function dashboardUrl(apiBase: string, enrollmentId: string, path = '', query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.size ? `?${params}` : '';
  const base = apiBase.replace(/\/+$/, '');
  return `${base}/v1/dashboard/enrollments/${encodeURIComponent(enrollmentId)}${path}${search}`;
}

/**
 * GETs JSON with a dashboard token, or with `csv` the body as a Blob; anything but a 2xx
 * becomes an {@link ApiError}. The token only ever travels in the Authorization header.
 */
export async function getJson<T>(url: string, token: string, csv?: boolean): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${token}` },
    });
  } catch {
    // No answer the page may read. The server may have answered but not allowed this page's
    // origin (CORS): then a plain request it cannot read (no-cors, no token) still gets through.
    const reached = await fetch(url, { mode: 'no-cors' }).then(() => true, () => false);
    throw reached
      ? new ApiError(0, 'origin_not_allowed', `The API does not allow pages on ${location.origin}`)
      : new ApiError(0, 'network_error', 'The server could not be reached');
  }
  if (csv && response.ok) return (await response.blob()) as T;
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok && body !== undefined) return body as T;
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  throw new ApiError(
    response.status,
    typeof error?.code === 'string' ? error.code : response.ok ? 'bad_response' : `http_${response.status}`,
    typeof error?.message === 'string' ? error.message : response.statusText || `HTTP ${response.status}`,
  );
}
