import type { AttributionInput, AttributionTarget, AttributionTargets } from './attribution.js';

/** How many enrollments' targets one process keeps. */
export const KNOWN_TARGETS_MAX = 10_000;

/** By `<brand id> <enrollment id>`: active enrollments of active offers, as last looked up here. */
const known = new Map<string, AttributionTarget>();

const keyOf = (brandId: string, enrollmentId: string) => `${brandId} ${enrollmentId}`;

/**
 * The targets of sales that all name their enrollment by id, from what this process looked up
 * before; undefined unless every one is known. Only a guess: the sales write checks the
 * enrollments and offers it was planned from (`targetsCheck`), and writes nothing when they
 * changed, so a stale guess costs a look-up, never a wrong sale.
 */
export function knownTargets(brandId: string, inputs: readonly AttributionInput[]): AttributionTargets | undefined {
  if (!inputs.length) return undefined;
  const found: AttributionTargets = { byEnrollment: new Map(), byPromoCode: new Map(), byClick: new Map() };
  for (const input of inputs) {
    if (input.enrollmentId === undefined || input.promoCode !== undefined || input.clickId !== undefined) return undefined;
    const target = known.get(keyOf(brandId, input.enrollmentId));
    if (!target) return undefined;
    found.byEnrollment.set(input.enrollmentId, target);
  }
  return found;
}

/** Keeps the targets a look-up found that take sales (active, in an active offer). */
export function rememberTargets(brandId: string, found: AttributionTargets): void {
  for (const map of [found.byEnrollment, found.byPromoCode, found.byClick]) {
    for (const target of map.values()) {
      if (target.enrollment_status !== 'active' || target.offer_status !== 'active') continue;
      const key = keyOf(brandId, target.enrollment_id);
      if (!known.has(key) && known.size >= KNOWN_TARGETS_MAX) known.clear();
      known.set(key, target);
    }
  }
}

/** Forgets enrollments' targets: a write found them changed. */
export function forgetTargets(brandId: string, enrollmentIds: Iterable<string>): void {
  for (const id of enrollmentIds) known.delete(keyOf(brandId, id));
}
