// Demo téléprocédures: the reviewing teams (one per social centre, plus the département's departments) and the
// procedures of seeds/procedures/*.json, published. The demo agent reviews in every team and supervises the
// team of their own centre, so the back-office shows every procedure.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db/client.ts';
import { importProcedureVersion, reviewTeamMembers, reviewTeams } from '../src/modules/procedures/index.ts';
import type { SeedDeps } from './demo.ts';

const DIR = join(fileURLToPath(new URL('.', import.meta.url)), 'procedures');

/** The département's own reviewing teams (besides one per social centre). */
export const DEMO_TEAMS: ReadonlyArray<{ key: string; name: string }> = [
  { key: 'accueil-social', name: 'Accueil social du département' },
  { key: 'culture', name: 'Service culture' },
  { key: 'sport', name: 'Service des sports' },
  { key: 'vie-associative', name: 'Service vie associative' },
  { key: 'mediation', name: 'Service médiation' },
  { key: 'transports-scolaires', name: 'Transports scolaires adaptés' },
  { key: 'routes', name: 'Agence routière départementale' },
  { key: 'habitat', name: 'Service habitat et urbanisme' },
  { key: 'agriculture', name: 'Service agriculture' },
  { key: 'aide-sociale', name: 'Service de l’aide sociale (successions)' },
];

export function demoProcedureDefinitions(): unknown[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(DIR, f), 'utf8')) as unknown);
}

export async function seedDemoProcedures(deps: SeedDeps, agentEmail = 'agent@demo.relais.test'): Promise<number> {
  const now = deps.clock.now();
  const centres = await queryRows<{ id: string; name: string }>(deps.db, sql`select id, name from social_centres order by name`);
  const teams = [
    ...DEMO_TEAMS.map((t) => ({ ...t, socialCentreId: null as string | null })),
    ...centres.map((c) => ({ key: `centre-${c.id.slice(0, 8)}`, name: c.name, socialCentreId: c.id })),
  ];
  await deps.db
    .insert(reviewTeams)
    .values(teams.map((t) => ({ id: deps.ids.uuid(), key: t.key, name: t.name, socialCentreId: t.socialCentreId, createdAt: now })))
    .onConflictDoNothing();
  const [agent] = await queryRows<{ id: string; social_centre_id: string | null }>(
    deps.db,
    sql`select u.id, g.social_centre_id from users u left join role_grants g on g.user_id = u.id and g.role = 'agent' and g.revoked_at is null where lower(u.email) = ${agentEmail}`,
  );
  if (agent) {
    const all = await deps.db.select({ id: reviewTeams.id, socialCentreId: reviewTeams.socialCentreId }).from(reviewTeams);
    await deps.db
      .insert(reviewTeamMembers)
      .values(all.map((t) => ({ teamId: t.id, userId: agent.id, role: t.socialCentreId !== null && t.socialCentreId === agent.social_centre_id ? ('supervisor' as const) : ('reviewer' as const), createdAt: now })))
      .onConflictDoNothing();
  }
  let count = 0;
  for (const def of demoProcedureDefinitions()) {
    const r = await importProcedureVersion(deps, { userId: null, label: 'système' }, def, { publish: true });
    if (!r.ok) throw new Error(`Démarche de démonstration refusée : ${r.problems.join(' ; ')}`);
    count++;
  }
  return count;
}
