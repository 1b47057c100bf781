import { describe, expect, it } from 'vitest';
import { contrastRatio, MIN_TEXT_CONTRAST, readableTextColor, relativeLuminance } from './color.js';

describe('colour contrast', () => {
  it('measures WCAG 2 luminance and contrast', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#FFFFFF')).toBe(1);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    // #767676 is the lightest grey that passes AA on white
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#1a73e8', '#1a73e8')).toBe(1);
  });

  it('picks white on dark accents and black on light ones', () => {
    expect(readableTextColor('#1a73e8')).toBe('#ffffff');
    expect(readableTextColor('#0b3d2e')).toBe('#ffffff');
    expect(readableTextColor('#ffd60a')).toBe('#000000');
    expect(readableTextColor('#f4f4f4')).toBe('#000000');
  });

  it('always reaches 4.5:1 on the accent', () => {
    for (let n = 0; n < 0x1000000; n += 0x010203) {
      const accent = `#${n.toString(16).padStart(6, '0')}`;
      expect(contrastRatio(accent, readableTextColor(accent))).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
    }
  });

  it('refuses what is not #rrggbb', () => {
    expect(() => relativeLuminance('#fff')).toThrow(RangeError);
    expect(() => relativeLuminance('red')).toThrow(RangeError);
  });
});
