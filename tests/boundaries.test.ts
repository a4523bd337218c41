// Module boundaries from docs/architecture.md, checked on the import statements of every source file:
// platform/ imports no module; a module reaches another only through its index; domain/ does no I/O.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)) specs.push(m[1]!);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1]!);
  return specs;
}

const files = sourceFiles(src);
const rel = (p: string) => relative(src, p);

function moduleOf(p: string): string | null {
  const m = rel(p).match(/^modules\/([^/]+)\//);
  return m ? m[1]! : null;
}

describe('module boundaries', () => {
  it('scans the source tree', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('keeps platform/ free of module imports', () => {
    const bad: string[] = [];
    for (const f of files.filter((f) => rel(f).startsWith('platform/'))) {
      for (const s of importsOf(f)) {
        if (!s.startsWith('.')) continue;
        const target = rel(resolve(dirname(f), s));
        if (target.startsWith('modules/') || /^(app|main|server|cli|schema)\./.test(target)) bad.push(`${rel(f)} → ${s}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('lets a module reach another only through its index', () => {
    const bad: string[] = [];
    for (const f of files) {
      const from = moduleOf(f);
      for (const s of importsOf(f)) {
        if (!s.startsWith('.')) continue;
        const target = resolve(dirname(f), s);
        const to = moduleOf(target);
        if (!to || to === from) continue;
        // src/schema.ts gathers every table for drizzle-kit: the one file allowed to reach into modules' db/.
        if (rel(f) === 'schema.ts' && /\.table\.ts$/.test(s)) continue;
        if (!/^modules\/[^/]+\/index\.tsx?$/.test(rel(target))) bad.push(`${rel(f)} → ${s}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps domain/ pure: no I/O, no database, no HTTP', () => {
    const bad: string[] = [];
    for (const f of files.filter((f) => /\/domain\//.test(rel(f)))) {
      for (const s of importsOf(f)) {
        const io = /^(node:|fs|http|drizzle-orm|postgres|@electric-sql|hono|nodemailer|pino)/.test(s);
        const outside = s.startsWith('.') && !/\/domain\//.test(rel(resolve(dirname(f), s)));
        if (io || outside) bad.push(`${rel(f)} → ${s}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
