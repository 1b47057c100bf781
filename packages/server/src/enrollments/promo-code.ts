import { randomString } from '../keys/random.js';

/** Upper-case letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L). */
export const READABLE = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * A readable promo code: the offer's prefix, the member's first name, a random part,
 * e.g. `GLOW-MAYA-7K3Q`. Unique per brand is checked on insert; a collision draws again.
 */
export function generatePromoCode(prefix: string | null, memberName: string): string {
  const name = (memberName.normalize('NFKD').match(/[A-Za-z]+/)?.[0] ?? '')
    .slice(0, 8)
    .toUpperCase();
  const random = randomString(name ? 4 : 6, READABLE);
  return [prefix, name, random].filter(Boolean).join('-');
}

/** The slug of a tracking link: `/t/<slug>`. */
export function generateTrackingSlug(): string {
  return randomString(10);
}
