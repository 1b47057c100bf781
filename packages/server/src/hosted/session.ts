import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ServerKeys } from '../keys/server-keys.js';

/** What a hosted session names: one enrollment, at the link it was opened with. */
export interface HostedSession {
  brandId: string;
  enrollmentId: string;
}

/** A session as its cookie claims it, with the seal still to check (`verifySession`). */
export type SessionClaim = HostedSession & { mac: Buffer };

const ID = /^[A-Za-z0-9_]{1,64}$/;

function sessionKey(keys: ServerKeys): Buffer {
  return createHmac('sha256', keys.linkKey).update('hosted-session').digest();
}

/**
 * The seal binds the session to the enrollment's current link hash: rotating the link
 * changes the hash, so every session opened with the old link stops working at once.
 */
function seal(keys: ServerKeys, session: HostedSession, linkHash: string): Buffer {
  return createHmac('sha256', sessionKey(keys))
    .update(`${session.brandId}.${session.enrollmentId}.${linkHash}`)
    .digest();
}

/** `<brand id>.<enrollment id>.<seal>`: opaque to the browser, unforgeable without the server secret. */
export function sessionValue(keys: ServerKeys, session: HostedSession, linkHash: string): string {
  return `${session.brandId}.${session.enrollmentId}.${seal(keys, session, linkHash).toString('base64url')}`;
}

/** The claim of a session value, when it has the shape `sessionValue` gives; else null. */
export function parseSessionValue(value: string | undefined): SessionClaim | null {
  const [brandId, enrollmentId, mac, extra] = (value ?? '').split('.');
  if (extra !== undefined || !brandId || !enrollmentId || !mac) return null;
  if (!ID.test(brandId) || !ID.test(enrollmentId) || !/^[A-Za-z0-9_-]{43}$/.test(mac)) return null;
  return { brandId, enrollmentId, mac: Buffer.from(mac, 'base64url') };
}

/** Whether the claim's seal is the server's for the enrollment's current link hash. */
export function verifySession(keys: ServerKeys, claim: SessionClaim, linkHash: string): boolean {
  const expected = seal(keys, claim, linkHash);
  return expected.length === claim.mac.length && timingSafeEqual(expected, claim.mac);
}
