import pg from '@databases/pg';
import type { EnrollmentBulkCreate, EnrollmentBulkItem, EnrollmentBulkResult } from '@affdash/core';
import type { z } from 'zod';
import type { Database } from '../db/index.js';
import { notFound } from '../http/errors.js';
import { generatePromoCode } from './promo-code.js';
import { codeFromPattern } from './code-pattern.js';
import type { LinkContext } from './links.js';
import { tryInsertEnrollment } from './queries.js';

const { sql } = pg;

/**
 * Enrolls many members in one offer, in one transaction, and reports each one: created with
 * its code and links, or failed with the reason (unknown member, already enrolled, a chosen
 * code that is taken). A generated code that collides is drawn again; no item fails another.
 */
export async function bulkEnroll(
  db: Database,
  ctx: LinkContext,
  brandId: string,
  input: z.output<typeof EnrollmentBulkCreate>,
): Promise<EnrollmentBulkResult> {
  return db.tx(async (db) => {
    const [offer] = await db.query<{ id: string; code_prefix: string | null }>(sql`
      SELECT id, code_prefix FROM offers WHERE brand_id = ${brandId} AND id = ${input.offerId}`);
    if (!offer) throw notFound('offer');
    const ids = [...new Set(input.members.map((m) => m.memberId))];
    const members = new Map(
      (
        await db.query<{ id: string; name: string }>(sql`
          SELECT id, name FROM members
          WHERE brand_id = ${brandId} AND id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`)
      ).map((m) => [m.id, m.name]),
    );
    const prefix = input.codePrefix ?? offer.code_prefix;
    const results: EnrollmentBulkItem[] = [];
    for (const item of input.members) {
      const name = members.get(item.memberId);
      if (name === undefined) {
        results.push({
          memberId: item.memberId,
          status: 'failed',
          error: { code: 'not_found', message: 'member not found' },
        });
        continue;
      }
      const pattern = input.codePattern;
      const outcome = await tryInsertEnrollment(db, ctx, brandId, {
        offerId: offer.id,
        memberId: item.memberId,
        codePrefix: prefix,
        memberName: name,
        promoCode: item.promoCode,
        generateCode: pattern
          ? () => codeFromPattern(pattern, prefix, name)
          : () => generatePromoCode(prefix, name),
      });
      results.push(
        'error' in outcome
          ? {
              memberId: item.memberId,
              status: 'failed',
              error: {
                code: outcome.error.code,
                message: outcome.error.message,
                ...(outcome.error.details ? { details: outcome.error.details } : {}),
              },
            }
          : { memberId: item.memberId, status: 'created', enrollment: outcome.enrollment },
      );
    }
    const created = results.filter((r) => r.status === 'created').length;
    return { created, failed: results.length - created, results };
  });
}
