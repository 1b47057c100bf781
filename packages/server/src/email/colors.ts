import { contrastRatio, MIN_TEXT_CONTRAST, readableTextColor } from '@affdash/core';

/** The colours of one brand's email, each readable where it is used. */
export interface EmailColors {
  /** The button's background and the card's top rule. */
  accent: string;
  /** The button's text: at least 4.5:1 on `accent`. */
  onAccent: string;
  /** Links and the brand's name on the white card: the accent when it reads there (4.5:1), else ink. */
  ink: string;
}

const HOUSE = '#1f2328';
const WHITE = '#ffffff';

const hex = (value: string | null): value is string => typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value);

/** The brand's accent where it reads, the house colour where it would not, and where it is unset. */
export function emailColors(accentColor: string | null, accentTextColor: string | null): EmailColors {
  const accent = hex(accentColor) ? accentColor.toLowerCase() : HOUSE;
  const onAccent =
    hex(accentTextColor) && contrastRatio(accent, accentTextColor) >= MIN_TEXT_CONTRAST
      ? accentTextColor.toLowerCase()
      : readableTextColor(accent);
  return { accent, onAccent, ink: contrastRatio(accent, WHITE) >= MIN_TEXT_CONTRAST ? accent : HOUSE };
}
