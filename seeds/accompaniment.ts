// Demo accompaniment and mandates: the demo agent and the demo mediator are « aidants habilités » of their centre
// and structure, and six months of helps (deterministic PRNG, dates relative to the clock) fill the statistics.
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db/client.ts';
import { parisToday, addDays } from '../src/platform/time/paris.ts';
import { accompaniments, collectiveActions } from '../src/modules/accompaniment/index.ts';
import { aidantHabilitations } from '../src/modules/mandates/index.ts';
import type { SeedDeps } from './demo.ts';
import { prng } from './directory.ts';

const LEVELS = ['autonome', 'coup_de_pouce', 'coup_de_pouce', 'faire_avec', 'faire_avec', 'faire_avec'] as const;
const THEMES = ['papiers', 'famille', 'social', 'social', 'travail', 'logement', 'argent', 'appareil', 'courriel', 'courriel', 'securite', 'sante', 'emploi'];
const PLACES = ['reception_desk', 'reception_desk', 'interview_room', 'drop_in', 'drop_in', 'remote'] as const;
const OUTCOMES = ['done', 'done', 'done', 'finish_alone', 'come_back', 'referred'] as const;
const DURATIONS = [5, 10, 15, 15, 30, 30, 45, 60];

export async function seedDemoAccompaniment(deps: SeedDeps): Promise<number> {
  const now = deps.clock.now();
  const helpers = await queryRows<{ id: string; email: string; social_centre_id: string | null; structure_id: string | null }>(
    deps.db,
    sql`select u.id, u.email, g.social_centre_id, g.structure_id from users u join role_grants g on g.user_id = u.id
        where u.email in ('agent@demo.relais.test', 'structure@demo.relais.test') and g.revoked_at is null and (g.social_centre_id is not null or g.structure_id is not null)`,
  );
  const random = prng(35_2026);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const today = parisToday(now);
  let n = 0;
  for (const h of helpers) {
    const owner = h.social_centre_id ? { ownerKind: 'centre' as const, ownerId: h.social_centre_id } : { ownerKind: 'structure' as const, ownerId: h.structure_id! };
    await deps.db.insert(aidantHabilitations).values({ id: deps.ids.uuid(), userId: h.id, ownerKind: owner.ownerKind, ownerId: owner.ownerId, grantedByUserId: null, grantedAt: now });
    const rows = Array.from({ length: 120 }, () => {
      const outcome = pick(OUTCOMES);
      const themes = [...new Set([pick(THEMES), ...(random() < 0.3 ? [pick(THEMES)] : [])])];
      return {
        id: deps.ids.uuid(),
        ...owner,
        helperUserId: h.id,
        happenedOn: addDays(today, -Math.floor(random() * 180)),
        durationMinutes: pick(DURATIONS),
        place: pick(PLACES),
        level: pick(LEVELS),
        themes,
        equipment: random() < 0.5 ? ['poste_lieu'] : ['telephone_personne'],
        outcome,
        referredTo: outcome === 'referred' ? 'France services' : null,
        createdAt: now,
      };
    });
    await deps.db.insert(accompaniments).values(rows);
    await deps.db.insert(collectiveActions).values(
      Array.from({ length: 6 }, (_, i) => {
        const attendees = 4 + Math.floor(random() * 8);
        return { id: deps.ids.uuid(), ...owner, helperUserId: h.id, happenedOn: addDays(today, -i * 28 - 3), title: i % 2 ? 'Les dangers des réseaux sociaux' : 'Premiers pas sur internet', theme: i % 2 ? 'securite' : 'appareil', level: 'faire_avec' as const, durationMinutes: 90, attendees, firstTime: Math.floor(attendees / 2), from26to59: attendees, createdAt: now };
      }),
    );
    n += rows.length;
  }
  return n;
}
