import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  AffdashError,
  WebhookSignatureError,
  constructWebhookEvent,
  isWebhookSignatureError,
  verifyWebhookSignature,
} from '../src/index.js';

const secret = 'whsec_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';
const now = new Date('2026-11-30T12:00:00.000Z');
const t = Math.floor(now.getTime() / 1000);

/** Signs as the server does, independently of the SDK: HMAC-SHA256 of "t.body", hex. */
const sign = (body: string, at = t, key = secret) =>
  `t=${at},v1=${createHmac('sha256', key).update(`${at}.${body}`).digest('hex')}`;

const event = {
  id: 'evt_7Hq2xk',
  type: 'payment.created',
  createdAt: '2026-11-30T11:59:59.000Z',
  data: {
    id: 'pay_1',
    enrollmentId: 'enr_1',
    amount: { amount: 1_250, currency: 'EUR' },
    method: 'bank transfer',
    reference: null,
    paidAt: '2026-11-30T11:59:59.000Z',
    createdAt: '2026-11-30T11:59:59.000Z',
  },
};
const body = JSON.stringify(event);

async function rejection(promise: Promise<unknown>): Promise<WebhookSignatureError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookSignatureError);
  expect(error).toBeInstanceOf(AffdashError);
  expect(isWebhookSignatureError(error)).toBe(true);
  return error as WebhookSignatureError;
}

describe('verifyWebhookSignature', () => {
  it('accepts a body signed with the secret, as text or bytes, within the tolerance', async () => {
    expect(await verifyWebhookSignature({ payload: body, header: sign(body), secret, now })).toBe(t);
    const bytes = new TextEncoder().encode(body);
    expect(await verifyWebhookSignature({ payload: bytes, header: sign(body), secret, now })).toBe(t);
    expect(await verifyWebhookSignature({ payload: body, header: [sign(body)], secret, now })).toBe(t);
    const later = new Date(now.getTime() + 299_000);
    expect(await verifyWebhookSignature({ payload: body, header: sign(body), secret, now: later })).toBe(t);
    // spaces and upper-case hex are tolerated; unknown schemes are ignored
    const spaced = sign(body).replace(',', ' , ').toUpperCase().replace('T=', 't=').replace('V1=', 'v1=');
    expect(await verifyWebhookSignature({ payload: body, header: `${spaced},v0=abc`, secret, now })).toBe(t);
  });

  it('accepts a header with several v1 signatures when one matches (secret rotation)', async () => {
    const other = sign(body, t, 'whsec_old').split(',')[1];
    expect(await verifyWebhookSignature({ payload: body, header: `${sign(body)},${other}`, secret, now })).toBe(t);
    expect(await verifyWebhookSignature({ payload: body, header: `t=${t},${other},${sign(body).split(',')[1]}`, secret, now })).toBe(t);
  });

  it('rejects a tampered body, a wrong secret, a stale or future time, and missing or malformed headers', async () => {
    const tampered = body.replace('1250', '9250');
    expect(tampered).not.toBe(body);
    expect((await rejection(verifyWebhookSignature({ payload: tampered, header: sign(body), secret, now }))).code).toBe('signature_mismatch');
    expect((await rejection(verifyWebhookSignature({ payload: `${body} `, header: sign(body), secret, now }))).code).toBe('signature_mismatch');
    expect((await rejection(verifyWebhookSignature({ payload: body, header: sign(body), secret: 'whsec_wrong', now }))).code).toBe('signature_mismatch');
    // the time is signed too: moving t breaks the signature
    const moved = sign(body).replace(`t=${t}`, `t=${t + 1}`);
    expect((await rejection(verifyWebhookSignature({ payload: body, header: moved, secret, now }))).code).toBe('signature_mismatch');

    const stale = sign(body, t - 301);
    expect((await rejection(verifyWebhookSignature({ payload: body, header: stale, secret, now }))).code).toBe('timestamp_out_of_tolerance');
    const future = sign(body, t + 301);
    expect((await rejection(verifyWebhookSignature({ payload: body, header: future, secret, now }))).code).toBe('timestamp_out_of_tolerance');
    expect(await verifyWebhookSignature({ payload: body, header: stale, secret, now, toleranceSeconds: 600 })).toBe(t - 301);
    // without `now`, against the clock
    const fresh = Math.floor(Date.now() / 1000);
    expect(await verifyWebhookSignature({ payload: body, header: sign(body, fresh), secret })).toBe(fresh);

    for (const header of [undefined, null, '', []]) {
      expect((await rejection(verifyWebhookSignature({ payload: body, header, secret, now }))).code).toBe('missing_signature');
    }
    for (const header of ['garbage', `t=${t}`, 'v1=' + 'a'.repeat(64), `t=abc,v1=${'a'.repeat(64)}`, `t=${t},v1=xyz`, `t=${t},v1=${'a'.repeat(63)}`]) {
      expect((await rejection(verifyWebhookSignature({ payload: body, header, secret, now }))).code).toBe('malformed_signature');
    }
    expect((await rejection(verifyWebhookSignature({ payload: body, header: sign(body), secret: '', now }))).code).toBe('missing_secret');
    const parsed = JSON.parse(body) as unknown as string;
    expect((await rejection(verifyWebhookSignature({ payload: parsed, header: sign(body), secret, now }))).code).toBe('invalid_payload');
  });
});

describe('constructWebhookEvent', () => {
  it('verifies and parses the body into a typed event', async () => {
    const parsed = await constructWebhookEvent({ payload: body, header: sign(body), secret, now });
    expect(parsed).toEqual(event);
    if (parsed.type !== 'payment.created') throw new Error('expected a payment event');
    expect(parsed.data.amount).toEqual({ amount: 1_250, currency: 'EUR' });
  });

  it('rejects what does not verify, what is not JSON and what is not an event', async () => {
    expect((await rejection(constructWebhookEvent({ payload: body, header: sign(body), secret: 'whsec_wrong', now }))).code).toBe(
      'signature_mismatch',
    );
    for (const payload of ['not json', '{"id":"evt_1","type":"order.shipped","createdAt":"2026-11-30T12:00:00Z","data":{}}', '[]']) {
      const error = await rejection(constructWebhookEvent({ payload, header: sign(payload), secret, now }));
      expect(error.code).toBe('invalid_payload');
    }
  });
});
