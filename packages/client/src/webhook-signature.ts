import { WebhookEvent } from '@affdash/core';
import { WebhookSignatureError } from './errors.js';

export type { WebhookEvent };

/** The header affdash signs every webhook request with. */
export const WEBHOOK_SIGNATURE_HEADER = 'affdash-signature';

export interface VerifyWebhookSignatureParams {
  /** The request body exactly as received (raw text or bytes), before any JSON parsing. */
  payload: string | Uint8Array;
  /** The `affdash-signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
  header: string | readonly string[] | null | undefined;
  /** The endpoint's signing secret (`whsec_…`), as returned once on creation. */
  secret: string;
  /** How far the signed time may be from `now`, in seconds. Default 300. */
  toleranceSeconds?: number;
  /** The time to check against; the clock by default. */
  now?: Date;
}

const encoder = new TextEncoder();

function fail(code: string, message: string): never {
  throw new WebhookSignatureError({ code, message });
}

function parseHeader(header: VerifyWebhookSignatureParams['header']): { timestamp: number; signatures: string[] } {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (typeof value !== 'string' || value.trim() === '') {
    fail('missing_signature', `No ${WEBHOOK_SIGNATURE_HEADER} header`);
  }
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of value.split(',')) {
    const [key, v = ''] = part.trim().split('=', 2).map((s) => s.trim());
    if (key === 't' && /^\d{1,12}$/.test(v)) timestamp = Number(v);
    if (key === 'v1' && /^[0-9a-f]{64}$/i.test(v)) signatures.push(v.toLowerCase());
  }
  if (timestamp === undefined || !signatures.length) {
    fail('malformed_signature', `The ${WEBHOOK_SIGNATURE_HEADER} header is not t=<unix seconds>,v1=<hex>`);
  }
  return { timestamp, signatures };
}

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Compares in time that depends only on the length, which is public. */
function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

async function hmacSha256(secret: string, message: Uint8Array): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, message as Uint8Array<ArrayBuffer>));
}

function signedContent(timestamp: number, payload: string | Uint8Array): Uint8Array {
  if (typeof payload === 'string') return encoder.encode(`${timestamp}.${payload}`);
  const prefix = encoder.encode(`${timestamp}.`);
  const out = new Uint8Array(prefix.length + payload.length);
  out.set(prefix);
  out.set(payload, prefix.length);
  return out;
}

/**
 * Checks that a webhook request came from affdash: the `affdash-signature` header's `v1` is
 * the HMAC-SHA256, keyed with the endpoint's secret, of `<t>.<raw body>`, and `t` is within
 * `toleranceSeconds` of now (so a captured request cannot be replayed later). Uses Web
 * Crypto, so it runs in Node, browsers, edge runtimes, Deno and Bun. Resolves to the signed
 * time (unix seconds); throws `WebhookSignatureError` otherwise.
 *
 * @example
 * await verifyWebhookSignature({ payload: rawBody, header: req.headers['affdash-signature'], secret });
 */
export async function verifyWebhookSignature(params: VerifyWebhookSignatureParams): Promise<number> {
  const { payload, secret, toleranceSeconds = 300, now = new Date() } = params;
  if (typeof secret !== 'string' || secret === '') fail('missing_secret', 'The endpoint secret is required');
  if (typeof payload !== 'string' && !(payload instanceof Uint8Array)) {
    fail('invalid_payload', 'Pass the raw request body (a string or bytes), not parsed JSON');
  }
  const { timestamp, signatures } = parseHeader(params.header);
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) {
    fail('timestamp_out_of_tolerance', `The signature's time is more than ${toleranceSeconds} s from now`);
  }
  const expected = await hmacSha256(secret, signedContent(timestamp, payload));
  let match = false;
  for (const signature of signatures) match = timingSafeEqual(expected, hexToBytes(signature)) || match;
  if (!match) fail('signature_mismatch', 'The signature does not match the body and secret');
  return timestamp;
}

/**
 * Verifies a webhook request (see `verifyWebhookSignature`) and parses its body into the
 * typed event. Throws `WebhookSignatureError` when it does not verify or is not an event.
 *
 * @example
 * const event = await constructWebhookEvent({ payload: rawBody, header, secret: process.env.AFFDASH_WEBHOOK_SECRET! });
 * if (event.type === 'conversion.created') console.log(event.data.orderId);
 */
export async function constructWebhookEvent(params: VerifyWebhookSignatureParams): Promise<WebhookEvent> {
  await verifyWebhookSignature(params);
  const text = typeof params.payload === 'string' ? params.payload : new TextDecoder().decode(params.payload);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    fail('invalid_payload', 'The body is not JSON');
  }
  const parsed = WebhookEvent.safeParse(body);
  if (!parsed.success) fail('invalid_payload', 'The body is not an affdash webhook event');
  return parsed.data;
}
