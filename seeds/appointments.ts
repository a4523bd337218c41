// Demo appointments: the same reasons in every centre (some online, one by phone, one confidential, one discreet)
// and weekly openings from today, so that a resident of any commune finds free times.
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db/client.ts';
import { parisToday } from '../src/platform/time/paris.ts';
import { appointmentReasons, openingSlots } from '../src/modules/appointments/index.ts';
import { roleGrants, users } from '../src/schema.ts';
import type { SeedDeps } from './demo.ts';

type ReasonSeed = Omit<typeof appointmentReasons.$inferInsert, 'id' | 'socialCentreId' | 'createdAt'>;

export const DEMO_REASONS: ReasonSeed[] = [
  { name: 'Premier accueil social', durationMinutes: 30, location: 'on_site', bookableBy: 'residents', minDelayMinutes: 120, maxDelayDays: 42, instructions: 'Apportez une pièce d’identité et, si vous en avez, vos derniers avis de paiement (CAF, France Travail).' },
  { name: 'Aide pour une démarche en ligne', durationMinutes: 45, location: 'on_site', bookableBy: 'residents', minDelayMinutes: 120, maxDelayDays: 42, instructions: 'Apportez vos identifiants (numéro d’allocataire, adresse e-mail) et votre téléphone portable.' },
  { name: 'Rendez-vous téléphonique avec un travailleur social', durationMinutes: 20, location: 'phone', bookableBy: 'residents', minDelayMinutes: 240, maxDelayDays: 28, instructions: 'Le travailleur social vous appelle au numéro que vous donnez.' },
  { name: 'Entretien avec une assistante sociale', durationMinutes: 60, location: 'on_site', bookableBy: 'agents', minDelayMinutes: 0, maxDelayDays: 60, instructions: null },
  { name: 'Entretien confidentiel (protection)', durationMinutes: 60, location: 'on_site', bookableBy: 'agents', minDelayMinutes: 0, maxDelayDays: 60, instructions: null, visibility: 'hidden' },
  { name: 'Visite à domicile', durationMinutes: 60, location: 'home', bookableBy: 'agents', minDelayMinutes: 0, maxDelayDays: 60, instructions: null, visibility: 'no_notifications' },
];

const WEEK = [0, 1, 2, 3, 4];

/**
 * Every centre gets the demo reasons. The demo agent's centre has the demo agent (every weekday) and its manager
 * (Tuesday and Thursday); each other centre gets one reception agent, an account without a password that cannot
 * sign in, only there so that residents of every commune find free times.
 */
export async function seedDemoAppointments(deps: SeedDeps): Promise<number> {
  const now = deps.clock.now();
  const from = parisToday(now);
  const centres = await queryRows<{ id: string; name: string }>(deps.db, sql`select id, name from social_centres order by name`);
  const demoStaff = await queryRows<{ id: string; email: string; social_centre_id: string }>(
    deps.db,
    sql`select u.id, u.email, g.social_centre_id from users u join role_grants g on g.user_id = u.id
        where u.email in ('agent@demo.relais.test', 'responsable@demo.relais.test') and g.social_centre_id is not null and g.revoked_at is null`,
  );
  const openings: Array<typeof openingSlots.$inferInsert> = [];
  const open = (agentId: string, centreId: string, reasonIds: string[], weekdays: number[]) => {
    for (const weekday of weekdays) {
      openings.push({ id: deps.ids.uuid(), agentId, socialCentreId: centreId, weekday, startMinute: 9 * 60, endMinute: 12 * 60, fromDate: from, everyWeeks: 1, reasonIds, createdAt: now });
      if (weekday !== 2) openings.push({ id: deps.ids.uuid(), agentId, socialCentreId: centreId, weekday, startMinute: 14 * 60, endMinute: 17 * 60, fromDate: from, everyWeeks: 1, reasonIds, createdAt: now });
    }
  };
  let n = 0;
  for (const centre of centres) {
    const reasons = DEMO_REASONS.map((r) => ({ ...r, id: deps.ids.uuid(), socialCentreId: centre.id, createdAt: now }));
    await deps.db.insert(appointmentReasons).values(reasons);
    const ids = reasons.map((r) => r.id);
    const staff = demoStaff.filter((s) => s.social_centre_id === centre.id);
    if (staff.length) {
      for (const s of staff) open(s.id, centre.id, ids, s.email.startsWith('agent@') ? WEEK : [1, 3]);
    } else {
      const agentId = deps.ids.uuid();
      n++;
      await deps.db.insert(users).values({ id: agentId, kind: 'staff', email: `accueil-${n}@demo.relais.test`, displayName: `Accueil du ${centre.name}`, status: 'active', createdAt: now });
      await deps.db.insert(roleGrants).values({ id: deps.ids.uuid(), userId: agentId, role: 'agent', socialCentreId: centre.id, grantedAt: now });
      open(agentId, centre.id, ids, WEEK);
    }
  }
  for (let i = 0; i < openings.length; i += 500) await deps.db.insert(openingSlots).values(openings.slice(i, i + 500));
  return centres.length;
}
