// WCAG 2.1 § 1.4.3 (RGAA criterion 3.2): text needs a contrast ratio of at least 4.5:1. The header and the
// buttons put white text on the brand colour, so every département's brand colour must pass with white.
import { describe, expect, it } from 'vitest';
import { themes } from './theme.ts';

/** Relative luminance of an sRGB colour given as #rrggbb (WCAG 2.1 definition). */
function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('theme colours', () => {
  it('computes contrast as WCAG does', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // GOV.UK's former brand blue on white: 5.17:1.
    expect(contrast('#1d70b8', '#ffffff')).toBeCloseTo(5.17, 1);
  });

  for (const theme of Object.values(themes)) {
    it(`${theme.departementName}: white text on the brand colour ${theme.brandColour} reaches 4.5:1`, () => {
      expect(contrast(theme.brandColour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    });
  }
});
