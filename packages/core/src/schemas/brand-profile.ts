import { z } from 'zod';
import { HEX_COLOR } from '../color.js';
import { languages } from '../messages/keys.js';

/** `#rrggbb`, stored and returned lower case. */
export const HexColor = z
  .string()
  .regex(HEX_COLOR, 'must be a colour like #1a73e8')
  .toLowerCase();

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * Where a logo is loaded from: an https address (a mail client or a browser may load it from
 * anywhere), or http on localhost / 127.0.0.1 for development.
 */
export const LogoUrl = z
  .string()
  .max(2000)
  .refine((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return false;
    }
    if (url.username || url.password) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
  }, 'must be an https:// URL (http only for localhost and 127.0.0.1)');

/** A CSS `font-family` list: names, quotes, commas, spaces and hyphens, nothing that ends the rule. */
export const FontFamily = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\p{L}\p{N} ,'"_-]+$/u, 'must be a CSS font-family list such as "Inter, sans-serif"');

/** One line of text for a mail header (no line breaks). */
const HeaderText = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\r\n]*$/, 'must be one line');

/** The built-in languages of the dashboard and the emails. */
export const BrandLocale = z.enum(languages);
export type BrandLocale = z.infer<typeof BrandLocale>;

/** `light` or `dark`, or `auto`: the reader's system setting. */
export const BrandTheme = z.enum(['light', 'dark', 'auto']);
export type BrandTheme = z.infer<typeof BrandTheme>;

/**
 * What the member of an ended enrollment may still open: `closed` (the dashboard link shows
 * that the enrollment ended, tokens are refused) or `read_only` (their history, conversions,
 * payments and statements, with a banner saying when it ended and nothing to share).
 */
export const EndedEnrollmentAccess = z.enum(['closed', 'read_only']);
export type EndedEnrollmentAccess = z.infer<typeof EndedEnrollmentAccess>;

/**
 * How a brand looks and speaks to its members: the hosted dashboard page, its notice pages and
 * every email apply it. `accentTextColor` is the colour of text on the accent; when the brand
 * gives none it is computed (white or black, at least 4.5:1 on the accent), null without an accent.
 */
export const BrandProfile = z.object({
  displayName: z.string().min(1).max(100),
  logoUrl: LogoUrl.nullable(),
  accentColor: HexColor.nullable(),
  accentTextColor: HexColor.nullable(),
  fontFamily: FontFamily.nullable(),
  theme: BrandTheme,
  defaultLocale: BrandLocale,
  emailSenderName: HeaderText.nullable(),
  replyTo: z.email().max(320).nullable(),
  postalAddress: z.string().trim().min(1).max(500).nullable(),
  endedEnrollmentAccess: EndedEnrollmentAccess,
});
export type BrandProfile = z.infer<typeof BrandProfile>;

/** A change to the profile: only the fields sent change; null clears a field that may be empty. */
export const BrandProfileUpdate = z
  .object({
    displayName: z.string().trim().min(1).max(100),
    logoUrl: LogoUrl.nullable(),
    accentColor: HexColor.nullable(),
    /** null: computed from the accent again. */
    accentTextColor: HexColor.nullable(),
    fontFamily: FontFamily.nullable(),
    theme: BrandTheme,
    defaultLocale: BrandLocale,
    emailSenderName: HeaderText.nullable(),
    replyTo: z.email().max(320).nullable(),
    postalAddress: z.string().trim().min(1).max(500).nullable(),
    endedEnrollmentAccess: EndedEnrollmentAccess,
  })
  .partial()
  .strict();
export type BrandProfileUpdate = z.input<typeof BrandProfileUpdate>;
