import pg from '@databases/pg';
import type { Member, MemberCreate, MemberUpdate, PageQuery } from '@affdash/core';
import type { z } from 'zod';
import { PgCode, pgErrorCode, type Database } from '../db/index.js';
import { cursorAt, decodeCursor, toPage, type CursorRow } from '../http/cursor.js';
import { ApiError } from '../http/errors.js';
import { updateSet } from '../http/update-set.js';
import { newId } from '../keys/random.js';

const { sql } = pg;

export interface MemberRow {
  brand_id: string;
  id: string;
  name: string;
  first_name: string | null;
  email: string | null;
  locale: string | null;
  email_opt_out: boolean;
  external_id: string | null;
  metadata: Record<string, string>;
  created_at: Date;
  updated_at: Date;
}

export function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    name: row.name,
    firstName: row.first_name,
    email: row.email,
    locale: row.locale,
    emailOptOut: row.email_opt_out,
    externalId: row.external_id,
    metadata: row.metadata,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function externalIdTaken(error: unknown): never {
  if (pgErrorCode(error) === PgCode.uniqueViolation) {
    throw new ApiError('conflict', 'Another member already has this externalId.');
  }
  throw error;
}

export async function insertMember(
  db: Database,
  brandId: string,
  m: z.output<typeof MemberCreate>,
): Promise<Member> {
  const [row] = await db
    .query<MemberRow>(sql`
      INSERT INTO members (brand_id, id, name, first_name, email, locale, email_opt_out, external_id, metadata)
      VALUES (${brandId}, ${newId('mem')}, ${m.name}, ${m.firstName ?? null}, ${m.email ?? null},
              ${m.locale ?? null}, ${m.emailOptOut},
              ${m.externalId ?? null},
              ${JSON.stringify(m.metadata)})
      RETURNING *`)
    .catch(externalIdTaken);
  return toMember(row!);
}

export async function findMember(db: Database, brandId: string, id: string): Promise<MemberRow | null> {
  const [row] = await db.query<MemberRow>(
    sql`SELECT * FROM members WHERE brand_id = ${brandId} AND id = ${id}`,
  );
  return row ?? null;
}

export async function listMembers(db: Database, brandId: string, page: PageQuery) {
  const after = decodeCursor(page.cursor);
  const rows = await db.query<MemberRow & CursorRow>(sql`
    SELECT *, ${cursorAt(sql`created_at`)} FROM members WHERE brand_id = ${brandId}
    ${after ? sql`AND (created_at, id) < (${after.at}::timestamptz, ${after.id})` : sql``}
    ORDER BY created_at DESC, id DESC LIMIT ${page.limit + 1}`);
  return toPage(rows, page.limit, (r) => [r.cursor_at, r.id], toMember);
}

export async function updateMember(
  db: Database,
  brandId: string,
  id: string,
  patch: z.output<typeof MemberUpdate>,
): Promise<Member | null> {
  const [row] = await db
    .query<MemberRow>(sql`
      UPDATE members SET ${updateSet(patch, {
        name: 'name',
        firstName: 'first_name',
        email: 'email',
        locale: 'locale',
        emailOptOut: 'email_opt_out',
        externalId: 'external_id',
        metadata: 'metadata',
      })}
      WHERE brand_id = ${brandId} AND id = ${id} RETURNING *`)
    .catch(externalIdTaken);
  return row ? toMember(row) : null;
}
