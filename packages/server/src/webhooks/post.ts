import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { isPrivateAddress, PrivateAddressError, publicLookup } from './public-address.js';
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
  /** The endpoint's signing secrets: the current one, then one being rotated out. */
  secrets: readonly string[];
  eventId: string;
  eventType: string;
  /** The exact bytes signed and sent. */
  body: string;
  timeoutMs: number;
  /** Whether the endpoint may be on this host or a private network (a local development server). */
  allowPrivateNetworks: boolean;
}

/** How much of an endpoint's answer is read for the delivery log. */
const MAX_ANSWER_BYTES = 1024;

function describeError(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${timeoutMs / 1000} s`;
  const cause = e.cause?.code ? `${e.cause.code}: ${e.cause.message ?? ''}` : e.cause?.message;
  return (cause ?? e.message ?? String(error)).trim().slice(0, 500);
}

interface Answer {
  status: number;
  text: string;
}

/** One POST over node:http(s), so the connection's addresses can be checked (`publicLookup`). */
function post(url: URL, headers: Record<string, string>, body: string, event: PostEvent): Promise<Answer> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!event.allowPrivateNetworks && isIP(host) && isPrivateAddress(host)) {
    return Promise.reject(new PrivateAddressError(host, host));
  }
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        signal: AbortSignal.timeout(event.timeoutMs),
        ...(event.allowPrivateNetworks ? {} : { lookup: publicLookup }),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
        response.on('close', () => {
          if (!response.complete) reject(new Error('the connection closed before the answer ended'));
        });
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * POSTs an event body to an endpoint, signed (`affdash-signature`) at the current time.
 * A 2xx answer within `timeoutMs` is a success; redirects are not followed. Unless
 * `allowPrivateNetworks`, only public addresses are connected to.
 */
export async function postEvent(event: PostEvent): Promise<PostResult> {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    'affdash-event-id': event.eventId,
    'affdash-event-type': event.eventType,
    'affdash-signature': signatureHeader(event.secrets, timestamp, event.body),
  };
  try {
    const answer = await post(new URL(event.url), headers, event.body, event);
    if (answer.status >= 200 && answer.status < 300) {
      return { ok: true, statusCode: answer.status, error: null };
    }
    const said = answer.text.trim().replace(/\s+/g, ' ').slice(0, 200);
    const redirect = answer.status >= 300 && answer.status < 400 ? ' (redirects are not followed)' : '';
    return {
      ok: false,
      statusCode: answer.status,
      error: `HTTP ${answer.status}${redirect}${said ? `: ${said}` : ''}`,
    };
  } catch (error) {
    return { ok: false, statusCode: null, error: describeError(error, event.timeoutMs) };
  }
}
