/** WCAG 2 relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

export const isHexColor = (value: string | null | undefined): value is string =>
  typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value);

/** The colours of one brand's email, each readable where it is used. */
export interface EmailColors {
  /** The button's background. */
  accent: string;
  /** The button's text: at least 4.5:1 on `accent`. */
  onAccent: string;
  /** Links and the brand name on the white card: the accent when it reads there (4.5:1), else ink. */
  ink: string;
}

const HOUSE = '#1f2328';
const WHITE = '#ffffff';

export function emailColors(accentColor: string | null, accentTextColor: string | null): EmailColors {
  const accent = isHexColor(accentColor) ? accentColor.toLowerCase() : HOUSE;
  const given = isHexColor(accentTextColor) && contrast(accent, accentTextColor) >= 4.5 ? accentTextColor : null;
  const onAccent = given ?? (contrast(accent, WHITE) >= contrast(accent, HOUSE) ? WHITE : HOUSE);
  return { accent, onAccent: onAccent.toLowerCase(), ink: contrast(accent, WHITE) >= 4.5 ? accent : HOUSE };
}
