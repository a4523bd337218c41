// `npm run relais -- import demarche` / `export demarche` against a fresh database of the engine under test.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.ts';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { reviewTeams } from '../src/modules/procedures/index.ts';
import { freshTarget, type FreshTarget } from './support/fresh-target.ts';
import { tmpDir } from './support/paths.ts';

const seed = fileURLToPath(new URL('../seeds/procedures/demande-de-mediation.json', import.meta.url));
let target: FreshTarget;
beforeEach(async () => {
  target = await freshTarget();
});
afterEach(() => target.drop());

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { NODE_ENV: 'test', LOG_LEVEL: 'silent', ...target.env }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function withDb<T>(work: (d: Database) => Promise<T>): Promise<T> {
  const d = await openDatabase(target.url ? { kind: 'postgres', url: target.url, max: 2 } : { kind: 'pglite', dataDir: target.dataDir! });
  try {
    return await work(d);
  } finally {
    await d.close();
  }
}

describe('relais import / export demarche', () => {
  it('lists every problem, imports, publishes, exports the same JSON, and a re-import creates nothing', async () => {
    const dir = mkdtempSync(join(tmpDir, 'cli-demarche-'));
    try {
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, JSON.stringify({ ...JSON.parse(readFileSync(seed, 'utf8')), title: 'x', team: 'inconnue' }));
      const refused = await cli(['import', 'demarche', bad]);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('title :');
      writeFileSync(join(dir, 'broken.json'), '{ pas du json');
      expect((await cli(['import', 'demarche', join(dir, 'broken.json')])).err).toContain('n’est pas du JSON valide');

      const noTeam = await cli(['import', 'demarche', seed, '--publier']);
      expect(noTeam.err).toContain('l’équipe « mediation » n’existe pas');
      await withDb(async (d) => {
        await migrate(d);
        await d.db.insert(reviewTeams).values({ id: '00000000-0000-4000-8000-0000000000aa', key: 'mediation', name: 'Service médiation', createdAt: new Date() });
      });
      const ok = await cli(['import', 'demarche', seed, '--publier']);
      expect(ok.code).toBe(0);
      expect(ok.out).toContain('Version 1 créée et publiée');
      expect((await cli(['import', 'demarche', seed, '--publier'])).out).toContain('Rien de nouveau : la version 1');
      const exported = await cli(['export', 'demarche', 'demande-de-mediation']);
      // The exported JSON is the checked definition (defaults written out): imported again, it is the same version.
      expect(JSON.parse(exported.out)).toMatchObject({ slug: 'demande-de-mediation', title: JSON.parse(readFileSync(seed, 'utf8')).title });
      writeFileSync(join(dir, 'exported.json'), exported.out);
      expect((await cli(['import', 'demarche', join(dir, 'exported.json'), '--publier'])).out).toContain('Rien de nouveau : la version 1');
      expect((await cli(['export', 'demarche', 'demande-de-mediation', '--version', '7'])).code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
