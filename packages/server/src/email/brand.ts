import pg from '@databases/pg';
import type { Language } from '@affdash/core';
import type { Database } from '../db/index.js';

const { sql } = pg;

/**
 * What member email takes from a brand's profile (`GET /v1/brand/profile`): the header, the
 * colours, the language of members who have none, the sender, reply-to and postal address.
 */
export interface EmailBrand {
  id: string;
  displayName: string;
  /** An https URL, or null: the header shows the name. */
  logoUrl: string | null;
  /** `#rrggbb`, or null: the house colour. */
  accentColor: string | null;
  /** `#rrggbb` on the accent with at least 4.5:1 contrast, or null. */
  accentTextColor: string | null;
  fontFamily: string | null;
  defaultLocale: Language;
  /** The From name; null: the display name. */
  emailSenderName: string | null;
  replyTo: string | null;
  postalAddress: string | null;
}

/** The email side of each brand's profile, by brand id. */
export async function emailBrands(db: Database, brandIds: string[]): Promise<Map<string, EmailBrand>> {
  const ids = [...new Set(brandIds)];
  if (!ids.length) return new Map();
  const rows = await db.query<{ id: string; name: string }>(sql`
    SELECT id, name FROM brands WHERE id IN (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        displayName: r.name,
        logoUrl: null,
        accentColor: null,
        accentTextColor: null,
        fontFamily: null,
        defaultLocale: 'en',
        emailSenderName: null,
        replyTo: null,
        postalAddress: null,
      },
    ]),
  );
}

/** One brand's email profile; throws when the brand is unknown (callers have authenticated it). */
export async function emailBrand(db: Database, brandId: string): Promise<EmailBrand> {
  const brand = (await emailBrands(db, [brandId])).get(brandId);
  if (!brand) throw new Error(`no brand ${brandId}`);
  return brand;
}
