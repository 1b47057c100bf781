import { contrastRatio, MIN_TEXT_CONTRAST, readableTextColor } from '@affdash/core';

/** The colours of one brand's email, each readable where it is used. */
export interface EmailColors {
  /** The button's background, the card's top rule and the code box's border. */
  accent: string;
  /** The button's text: at least 4.5:1 on `accent`. */
  onAccent: string;
  /** Links, the brand's name and the promo code on white: the accent when it reads there (4.5:1), else ink. */
  ink: string;
  /** The code box's background: the accent, faint on white (the code in `ink` reads on it). */
  tint: string;
}

const HOUSE = '#1f2328';
const WHITE = '#ffffff';
/** How much of the accent the code box's tint holds. */
const TINT_WEIGHT = 0.08;

const hex = (value: string | null): value is string => typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value);

/** `weight` of `color` over white, as `#rrggbb`. */
export function tintOf(color: string, weight = TINT_WEIGHT): string {
  const channel = (i: number) => {
    const c = parseInt(color.slice(1 + 2 * i, 3 + 2 * i), 16);
    return Math.round(255 - (255 - c) * weight).toString(16).padStart(2, '0');
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

/** The brand's accent where it reads, the house colour where it would not, and where it is unset. */
export function emailColors(accentColor: string | null, accentTextColor: string | null): EmailColors {
  const accent = hex(accentColor) ? accentColor.toLowerCase() : HOUSE;
  const onAccent =
    hex(accentTextColor) && contrastRatio(accent, accentTextColor) >= MIN_TEXT_CONTRAST
      ? accentTextColor.toLowerCase()
      : readableTextColor(accent);
  const tint = tintOf(accent);
  // the ink must read on the tint as well as on white (the tint is the darker of the two)
  const ink = contrastRatio(accent, tint) >= MIN_TEXT_CONTRAST ? accent : HOUSE;
  return { accent, onAccent, ink, tint };
}
