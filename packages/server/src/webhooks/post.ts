import { signatureHeader } from './signature.js';

export const USER_AGENT = 'affdash-webhooks/1';

/** What one attempt to POST an event came to. */
export interface PostResult {
  ok: boolean;
  /** The endpoint's HTTP status; null when no response came (timeout, network). */
  statusCode: number | null;
  /** Why it failed, for the delivery log; null when it succeeded. */
  error: string | null;
}

export interface PostEvent {
  url: string;
  secret: string;
  eventId: string;
  eventType: string;
  /** The exact bytes signed and sent. */
  body: string;
  timeoutMs: number;
}

function describeError(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${timeoutMs / 1000} s`;
  const cause = e.cause?.code ? `${e.cause.code}: ${e.cause.message ?? ''}` : e.cause?.message;
  return (cause ?? e.message ?? String(error)).trim().slice(0, 500);
}

/**
 * POSTs an event body to an endpoint, signed (`affdash-signature`) at the current time.
 * A 2xx answer within `timeoutMs` is a success; redirects are not followed.
 */
export async function postEvent(event: PostEvent): Promise<PostResult> {
  const signal = AbortSignal.timeout(event.timeoutMs);
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(event.url, {
      method: 'POST',
      redirect: 'manual',
      signal,
      headers: {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'affdash-event-id': event.eventId,
        'affdash-event-type': event.eventType,
        'affdash-signature': signatureHeader(event.secret, timestamp, event.body),
      },
      body: event.body,
    });
    if (response.status >= 200 && response.status < 300) {
      await response.body?.cancel().catch(() => {});
      return { ok: true, statusCode: response.status, error: null };
    }
    const text = await response.text().catch(() => '');
    const said = text.trim().replace(/\s+/g, ' ').slice(0, 200);
    const redirect = response.status >= 300 && response.status < 400 ? ' (redirects are not followed)' : '';
    return {
      ok: false,
      statusCode: response.status,
      error: `HTTP ${response.status}${redirect}${said ? `: ${said}` : ''}`,
    };
  } catch (error) {
    return { ok: false, statusCode: null, error: describeError(error, event.timeoutMs) };
  }
}
