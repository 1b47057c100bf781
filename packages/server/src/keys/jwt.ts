import { createHmac, timingSafeEqual, verify, type KeyObject } from 'node:crypto';

/** Why a compact JWS was refused, before any claim is read. */
export type JwsFailure = 'malformed' | 'algorithm' | 'signature';

export class JwsError extends Error {
  constructor(readonly failure: JwsFailure) {
    super(failure);
  }
}

export interface JwsHeader {
  alg?: unknown;
  kid?: unknown;
  crit?: unknown;
  [name: string]: unknown;
}

function decodeJson(part: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new JwsError('malformed');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new JwsError('malformed');
  return value as Record<string, unknown>;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The three parts of a compact JWS and its decoded header; throws `malformed`. */
export function splitJws(token: string): { header: JwsHeader; signingInput: string; payload: string; signature: string } {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => BASE64URL.test(p)) || !parts[0] || !parts[2]) {
    throw new JwsError('malformed');
  }
  const [header, payload, signature] = parts as [string, string, string];
  return { header: decodeJson(header), signingInput: `${header}.${payload}`, payload, signature };
}

/**
 * Verifies a compact JWS with node:crypto against one allowed algorithm: `EdDSA` (Ed25519
 * public key) or `HS256` (secret key), and returns its JSON payload. A header with `crit`
 * (extensions this verifier does not know) is refused, as jose does.
 */
export function verifyJws(token: string, algorithm: 'EdDSA' | 'HS256', key: KeyObject): Record<string, unknown> {
  const { header, signingInput, payload, signature } = splitJws(token);
  if (header.alg !== algorithm) throw new JwsError('algorithm');
  if (header.crit !== undefined) throw new JwsError('malformed');
  const sig = Buffer.from(signature, 'base64url');
  const ok =
    algorithm === 'EdDSA'
      ? verify(null, Buffer.from(signingInput), key, sig)
      : safeEqual(createHmac('sha256', key).update(signingInput).digest(), sig);
  if (!ok) throw new JwsError('signature');
  return decodeJson(payload);
}

function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
