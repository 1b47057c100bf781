import pg from '@databases/pg';
import {
  contrastRatio,
  LogoUrl,
  MIN_TEXT_CONTRAST,
  readableTextColor,
  type BrandLocale,
  type BrandProfile,
  type BrandProfileUpdate,
  type BrandTheme,
  type EndedEnrollmentAccess,
} from '@affdash/core';
import type { Database } from '../db/index.js';
import { ApiError, notFound } from '../http/errors.js';
import { updateSet } from '../http/update-set.js';

const { sql } = pg;

/** The brands columns a profile is read from (`b` is the brands table). */
export const BRAND_PROFILE_COLUMNS = sql`
  b.name, b.display_name, b.logo_url, b.accent_color, b.accent_text_color, b.font_family,
  b.theme, b.default_locale, b.email_sender_name, b.reply_to, b.postal_address, b.ended_enrollment_access`;

export interface BrandProfileRow {
  name: string;
  display_name: string | null;
  logo_url: string | null;
  accent_color: string | null;
  accent_text_color: string | null;
  font_family: string | null;
  theme: BrandTheme;
  default_locale: BrandLocale;
  email_sender_name: string | null;
  reply_to: string | null;
  postal_address: string | null;
  ended_enrollment_access: EndedEnrollmentAccess;
}

/** The columns of a brand that set nothing of its profile. */
export const EMPTY_PROFILE: BrandProfileRow = {
  name: '',
  display_name: null,
  logo_url: null,
  accent_color: null,
  accent_text_color: null,
  font_family: null,
  theme: 'auto',
  default_locale: 'en',
  email_sender_name: null,
  reply_to: null,
  postal_address: null,
  ended_enrollment_access: 'closed',
};

/**
 * The profile a row holds: the brand's name when no display name is set, a logo only when
 * it is https (older brands may hold another address; http on localhost for development), and the text colour on the accent
 * computed when the brand set none.
 */
export function profileFromRow(row: BrandProfileRow): BrandProfile {
  const accent = row.accent_color;
  return {
    displayName: row.display_name ?? row.name.slice(0, 100),
    logoUrl: row.logo_url && LogoUrl.safeParse(row.logo_url).success ? row.logo_url : null,
    accentColor: accent,
    accentTextColor: accent ? (row.accent_text_color ?? readableTextColor(accent)) : null,
    fontFamily: row.font_family,
    theme: row.theme,
    defaultLocale: row.default_locale,
    emailSenderName: row.email_sender_name,
    replyTo: row.reply_to,
    postalAddress: row.postal_address,
    endedEnrollmentAccess: row.ended_enrollment_access,
  };
}

/** A brand's profile (`not_found` for an unknown brand). Emails and hosted pages read it here. */
export async function brandProfile(db: Database, brandId: string): Promise<BrandProfile> {
  const [row] = await db.query<BrandProfileRow>(sql`
    SELECT ${BRAND_PROFILE_COLUMNS} FROM brands b WHERE b.id = ${brandId}`);
  if (!row) throw notFound('Brand');
  return profileFromRow(row);
}

const columns = {
  displayName: 'display_name',
  logoUrl: 'logo_url',
  accentColor: 'accent_color',
  accentTextColor: 'accent_text_color',
  fontFamily: 'font_family',
  theme: 'theme',
  defaultLocale: 'default_locale',
  emailSenderName: 'email_sender_name',
  replyTo: 'reply_to',
  postalAddress: 'postal_address',
  endedEnrollmentAccess: 'ended_enrollment_access',
} as const satisfies Record<keyof BrandProfileUpdate, string>;

/**
 * Changes the fields `patch` holds (validated by `BrandProfileUpdate`). A text colour the
 * brand chooses must reach 4.5:1 on its accent, else `validation_failed` and nothing changes.
 */
export async function updateBrandProfile(
  db: Database,
  brandId: string,
  patch: BrandProfileUpdate,
): Promise<BrandProfile> {
  return db.tx(async (db) => {
    const [row] = await db.query<BrandProfileRow>(sql`
      UPDATE brands AS b SET ${updateSet(patch, columns)} WHERE b.id = ${brandId}
      RETURNING ${BRAND_PROFILE_COLUMNS}`);
    if (!row) throw notFound('Brand');
    const { accent_color: accent, accent_text_color: text } = row;
    if (accent && text && contrastRatio(accent, text) < MIN_TEXT_CONTRAST) {
      const ratio = contrastRatio(accent, text).toFixed(2);
      const message = `accentTextColor: ${text} on ${accent} is ${ratio}:1; text on the accent needs at least ${MIN_TEXT_CONTRAST}:1 (leave it null to have it computed)`;
      throw new ApiError('validation_failed', message, { issues: [{ path: 'accentTextColor', message }] });
    }
    return profileFromRow(row);
  });
}
