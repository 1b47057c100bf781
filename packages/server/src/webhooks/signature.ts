import { createHmac } from 'node:crypto';

/**
 * The `affdash-signature` header of a body sent at `timestamp` (unix seconds):
 * `t=<timestamp>,v1=<hex HMAC-SHA256 of "<timestamp>.<body>" keyed with the whole secret>`,
 * with one `v1` per secret (the current one first, then one being rotated out).
 * `verifyWebhookSignature` in @affdash/client checks it.
 */
export function signatureHeader(secrets: string | readonly string[], timestamp: number, body: string): string {
  const macs = (typeof secrets === 'string' ? [secrets] : secrets).map(
    (secret) => `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`,
  );
  return [`t=${timestamp}`, ...macs].join(',');
}
