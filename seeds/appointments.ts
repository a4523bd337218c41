// Demo appointments: the reasons of the demo agent's centre (some online, one by phone, one confidential) and
// opening slots for its agent and its manager, every week from today. Other centres have no agent in the demo:
// they show « pas encore de rendez-vous en ligne ».
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db/client.ts';
import { parisToday } from '../src/platform/time/paris.ts';
import { appointmentReasons, openingSlots } from '../src/modules/appointments/index.ts';
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

export async function seedDemoAppointments(deps: SeedDeps): Promise<number> {
  const now = deps.clock.now();
  const staff = await queryRows<{ id: string; email: string; social_centre_id: string }>(
    deps.db,
    sql`select u.id, u.email, g.social_centre_id from users u join role_grants g on g.user_id = u.id
        where u.email in ('agent@demo.relais.test', 'responsable@demo.relais.test') and g.social_centre_id is not null and g.revoked_at is null`,
  );
  const centreId = staff[0]?.social_centre_id;
  if (!centreId) return 0;
  const reasons = DEMO_REASONS.map((r) => ({ ...r, id: deps.ids.uuid(), socialCentreId: centreId, createdAt: now }));
  await deps.db.insert(appointmentReasons).values(reasons);
  const all = reasons.map((r) => r.id);
  const from = parisToday(now);
  const rows: Array<typeof openingSlots.$inferInsert> = [];
  for (const s of staff) {
    const agentDays = s.email.startsWith('agent@') ? [0, 1, 2, 3, 4] : [1, 3];
    for (const weekday of agentDays) {
      rows.push({ id: deps.ids.uuid(), agentId: s.id, socialCentreId: centreId, weekday, startMinute: 9 * 60, endMinute: 12 * 60, fromDate: from, everyWeeks: 1, reasonIds: all, createdAt: now });
      if (weekday !== 2) rows.push({ id: deps.ids.uuid(), agentId: s.id, socialCentreId: centreId, weekday, startMinute: 14 * 60, endMinute: 17 * 60, fromDate: from, everyWeeks: 1, reasonIds: all, createdAt: now });
    }
  }
  await deps.db.insert(openingSlots).values(rows);
  return reasons.length;
}
