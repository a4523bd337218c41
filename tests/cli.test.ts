// `npm run relais -- <commande>` against a fresh database of the engine under test.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eq, like, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.ts';
import { openDatabase, queryRows, type Database } from '../src/platform/db/client.ts';
import { appMeta } from '../src/platform/db/meta.table.ts';
import { inTransaction } from '../src/platform/db/transaction.ts';
import { mailOutbox } from '../src/platform/mail/mail.table.ts';
import { enqueueMail } from '../src/platform/mail/outbox.ts';
import { freshTarget, type FreshTarget } from './support/fresh-target.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
let target: FreshTarget;
beforeEach(async () => {
  target = await freshTarget();
});
afterEach(() => target.drop());

async function cli(args: string[], extra: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { NODE_ENV: 'test', LOG_LEVEL: 'silent', ...target.env, ...extra }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function open(): Promise<Database> {
  return openDatabase(target.url ? { kind: 'postgres', url: target.url, max: 2 } : { kind: 'pglite', dataDir: target.dataDir! });
}

describe('relais CLI', () => {
  it('explains its commands in French, and answers an unknown command or option with exit code 2', async () => {
    const help = await cli(['help']);
    expect(help.code).toBe(0);
    for (const c of ['create-admin', 'migrate', 'run-jobs', 'reseed-demo', 'help']) expect(help.out).toContain(c);
    expect(help.out).toContain('EFFACE TOUTES LES DONNÉES');
    expect((await cli(['--help'])).code).toBe(0);

    const unknown = await cli(['demarrer']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Commande inconnue : « demarrer »');
    const badOption = await cli(['run-jobs', '--vite']);
    expect(badOption.code).toBe(2);
    expect(badOption.err).toContain('Option invalide');
  });

  it('creates an admin for the whole département and prints a one-time invitation link', async () => {
    const created = await cli(['create-admin', '--email', 'Claire.Dupont@Departement.fr', '--name', 'Claire Dupont'], { PUBLIC_URL: 'https://relais.example.fr' });
    expect(created.code).toBe(0);
    expect(created.out).toContain('Compte d’administrateur créé pour Claire Dupont <Claire.Dupont@Departement.fr>.');
    const link = created.out.match(/https:\/\/relais\.example\.fr\/invitation\/([A-Za-z0-9_-]+)/);
    expect(link).not.toBeNull();
    expect(created.out).toContain('/admin/courriels');

    const database = await open();
    try {
      const [user] = await queryRows<{ id: string; kind: string; status: string; email: string }>(
        database.db,
        sql`select id, kind, status, email from users where email = 'claire.dupont@departement.fr'`,
      );
      expect(user).toMatchObject({ kind: 'staff', status: 'invited' });
      const grants = await queryRows<{ role: string; commune_codes: string[]; social_centre_id: string | null }>(
        database.db,
        sql`select role, commune_codes, social_centre_id from role_grants where user_id = ${user!.id}`,
      );
      expect(grants).toEqual([{ role: 'admin', commune_codes: [], social_centre_id: null }]);
      const mails = await database.db.select().from(mailOutbox);
      expect(mails.map((m) => m.to)).toEqual(['claire.dupont@departement.fr']);
      expect(mails[0]!.text).toContain(link![0]);
      const [audit] = await queryRows<{ actor_label: string }>(database.db, sql`select actor_label from audit_events where action = 'account.invited'`);
      expect(audit!.actor_label).toBe('ligne de commande');
    } finally {
      await database.close();
    }

    const again = await cli(['create-admin', '--email', 'claire.dupont@departement.fr', '--name', 'Claire']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('Un compte existe déjà avec cette adresse e-mail');
    const missing = await cli(['create-admin', '--email', 'x@example.fr']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('create-admin demande --email et --name');
  });

  it('migrates, then runs the pending jobs once and counts them', async () => {
    const migrated = await cli(['migrate']);
    expect(migrated).toMatchObject({ code: 0, out: 'Migrations appliquées : la base est à jour.' });

    let database = await open();
    const ids = await inTransaction(database.db, async (tx) => [
      await enqueueMail(tx, { to: 'a@example.fr', subject: 'Un', text: 'Premier' }, new Date()),
      await enqueueMail(tx, { to: 'b@example.fr', subject: 'Deux', text: 'Second' }, new Date()),
    ]);
    await database.close();

    const ran = await cli(['run-jobs']);
    expect(ran.code).toBe(0);
    expect(ran.out).toBe('Tâches exécutées : 2 terminées, 0 reportée (nouvel essai plus tard), 0 en échec définitif.');

    database = await open();
    const rows = await database.db.select({ id: mailOutbox.id, status: mailOutbox.status }).from(mailOutbox);
    await database.close();
    expect(rows.sort((a, b) => a.id - b.id)).toEqual(ids.map((id) => ({ id, status: 'kept' })));

    expect((await cli(['run-jobs'])).out).toContain('0 terminée');
  });

  it('reseed-demo wipes everything and recreates the demo only when confirmed, and never in production', async () => {
    expect((await cli(['migrate'])).code).toBe(0);
    let database = await open();
    await inTransaction(database.db, (tx) => enqueueMail(tx, { to: 'garde@example.fr', subject: 'À effacer', text: '…' }, new Date()));
    await database.close();

    const unconfirmed = await cli(['reseed-demo']);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.err).toContain('--confirmer');
    const production = await cli(['reseed-demo', '--confirmer'], { NODE_ENV: 'production' });
    expect(production.code).toBe(1);
    expect(production.err).toContain('NODE_ENV=production');
    database = await open();
    expect(await database.db.select().from(mailOutbox)).toHaveLength(1);
    await database.close();

    const done = await cli(['reseed-demo', '--confirmer']);
    expect(done.code).toBe(0);
    expect(done.out).toContain('Démonstration recréée pour le département 35.');
    database = await open();
    try {
      expect(await database.db.select().from(mailOutbox)).toEqual([]);
      expect((await database.db.select().from(appMeta).where(like(appMeta.key, 'demo-seed:%'))).map((r) => r.key)).toEqual(['demo-seed:35']);
      const [communes] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from communes where departement_code = '35'`);
      expect(communes!.n).toBeGreaterThan(300);
      // The journal is append-only again after the migrations ran anew.
      await expect(database.db.execute(sql`delete from audit_events`)).rejects.toThrow();
    } finally {
      await database.close();
    }

    // A second reseed works on data that is already seeded.
    expect((await cli(['reseed-demo', '--confirmer'])).code).toBe(0);
    database = await open();
    expect(await database.db.select().from(appMeta).where(eq(appMeta.key, 'demo-seed:35'))).toHaveLength(1);
    await database.close();
    // Five processes in a row, each seeding a whole demo directory: more than the default 30 s on a busy machine.
  }, 120_000);

  it('as a separate process, exits 1 with a French message when the embedded database is in use (PostgreSQL: several processes are fine)', async () => {
    const held = await open();
    try {
      const result = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'migrate'], {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: '', RELAIS_DATA_DIR: '', ...target.env },
      }).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
      );
      if (target.dataDir) {
        expect(result.code).toBe(1);
        expect(result.stderr).toContain('est déjà utilisée par le processus');
        expect(result.stderr).toContain('RELAIS_DATA_DIR');
      } else {
        expect(result).toMatchObject({ code: 0, stdout: 'Migrations appliquées : la base est à jour.\n' });
      }
    } finally {
      await held.close();
    }
  });
});
