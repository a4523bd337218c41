// The README's configuration table must list exactly the variables src/config.ts reads.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const read = (p: string) => readFileSync(new URL(`../${p}`, import.meta.url), 'utf8');

it('documents every environment variable of src/config.ts in the README, and no other', () => {
  const config = read('src/config.ts');
  const schema = config.slice(config.indexOf('const envSchema'), config.indexOf('export type Env'));
  const read_ = [...schema.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]).sort();
  const readme = read('README.md');
  const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Commandes'));
  const documented = [...table.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]).sort();
  expect(read_.length).toBeGreaterThan(10);
  expect(documented).toEqual(read_);
});
