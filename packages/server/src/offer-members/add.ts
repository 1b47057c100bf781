import pg from '@databases/pg';
import type { OfferMembersAdd, OfferMembersAddItem, OfferMembersAddResult } from '@affdash/core';
import type { z } from 'zod';
import type { Database } from '../db/index.js';
import { notFound } from '../http/errors.js';
import { newId } from '../keys/random.js';
import type { LinkContext } from '../enrollments/links.js';
import { tryInsertEnrollment } from '../enrollments/queries.js';
import { toMember, type MemberRow } from '../members/queries.js';

const { sql } = pg;

/**
 * Adds people to an offer in one transaction, one result per row: each is matched to a
 * member of the brand by external id, else by email (any case), else created; then enrolled,
 * which generates the promo code, tracking link and dashboard link. A row that cannot be
 * added (already enrolled, a chosen code taken) fails alone.
 */
export async function addOfferMembers(
  db: Database,
  ctx: LinkContext,
  brandId: string,
  offerId: string,
  input: z.output<typeof OfferMembersAdd>,
): Promise<OfferMembersAddResult> {
  return db.tx(async (db) => {
    const [offer] = await db.query<{ id: string; code_prefix: string | null }>(sql`
      SELECT id, code_prefix FROM offers WHERE brand_id = ${brandId} AND id = ${offerId}`);
    if (!offer) throw notFound('offer');
    const results: OfferMembersAddItem[] = [];
    for (const person of input.members) {
      const email = person.email ?? null;
      const [found] = await db.query<MemberRow>(sql`
        SELECT * FROM members WHERE brand_id = ${brandId} AND (
          ${person.externalId ? sql`external_id = ${person.externalId}` : sql`false`}
          OR ${email && !person.externalId ? sql`lower(email) = lower(${email})` : sql`false`})
        ORDER BY created_at LIMIT 1`);
      const member =
        found ??
        (
          await db.query<MemberRow>(sql`
            INSERT INTO members (brand_id, id, name, email, external_id)
            VALUES (${brandId}, ${newId('mem')}, ${person.name}, ${email}, ${person.externalId ?? null})
            RETURNING *`)
        )[0]!;
      const outcome = await tryInsertEnrollment(db, ctx, brandId, {
        offerId: offer.id,
        memberId: member.id,
        codePrefix: offer.code_prefix,
        memberName: member.name,
        promoCode: person.promoCode,
      });
      results.push(
        'error' in outcome
          ? { status: 'failed', name: person.name, error: { code: outcome.error.code, message: outcome.error.message } }
          : { status: 'created', member: toMember(member), enrollment: outcome.enrollment, memberCreated: !found },
      );
    }
    const created = results.filter((r) => r.status === 'created').length;
    return { created, failed: results.length - created, results };
  });
}
