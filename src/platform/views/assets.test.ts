// The compiled stylesheets use the system font stack and nothing of the UK government's identity: no GDS
// Transport font (licensed to GOV.UK only) and no crown.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDir } from './assets.ts';
import { themes } from './theme.ts';

const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as Record<string, string>;

describe('built assets', () => {
  for (const theme of Object.values(themes)) {
    it(`${theme.stylesheet}: no GDS Transport, no font file, no crown, the brand colour`, () => {
      const css = readFileSync(join(buildDir, manifest[theme.stylesheet]!), 'utf8');
      expect(css).not.toMatch(/GDS Transport|gds-transport/i);
      expect(css).not.toMatch(/@font-face|\.woff2?\b/);
      expect(css).not.toMatch(/govuk-crest|crown\.svg|govuk-logotype/);
      expect(css).toContain('system-ui');
      expect(css.toLowerCase()).toContain(theme.brandColour.toLowerCase());
    });
  }

  it('ships no crown image and no GOV.UK favicon', () => {
    const images = existsSync(join(buildDir, 'govuk/images')) ? readdirSync(join(buildDir, 'govuk/images')) : [];
    expect(images.filter((f) => /crest|favicon|govuk-icon|opengraph/.test(f))).toEqual([]);
    const favicon = readFileSync(join(buildDir, manifest['favicon.svg']!), 'utf8');
    expect(favicon).not.toContain('#1D70B8');
  });
});
