// The monthly freshness digest: each active member of a structure receives the list of the structure's
// listings past their update frequency, with a link to update or confirm each. No listing to update, no mail.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';
import { queryRows } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { JobHandlers } from '../../../platform/jobs/worker.ts';
import { claimMonthlyRun, monthOf, periodOf, type MonthlyJob } from '../../../platform/jobs/recurring.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { parisToday } from '../../../platform/time/paris.ts';
import type { ListingType } from '../domain/change-display.ts';

/** Due on the 1st of each month at 8:00, Paris time. */
export const freshnessDigestJob: MonthlyJob = { kind: 'directory.freshness_digest', hour: 8 };

export interface StaleListing {
  type: ListingType;
  id: string;
  name: string;
  updatedOn: string | null;
}

export interface DigestRecipient {
  userId: string;
  email: string;
  displayName: string;
  structures: { id: string; name: string; listings: StaleListing[] }[];
}

const EDIT_PATHS: Record<ListingType, (id: string) => string> = {
  place: (id) => `/ma-structure/lieux/${id}/modifier`,
  service: (id) => `/ma-structure/services/${id}/modifier`,
  structure: (id) => `/ma-structure/structure/${id}/modifier`,
};
const TYPE_NOUNS: Record<ListingType, string> = { place: 'Lieu', service: 'Service', structure: 'Structure' };

/** Who gets a digest today, and which listings it names. */
export async function digestRecipients(q: Queryable, today: string): Promise<DigestRecipient[]> {
  const rows = await queryRows<{
    user_id: string;
    email: string;
    display_name: string;
    structure_id: string;
    structure_name: string;
    type: ListingType;
    id: string;
    name: string;
    updated_on: string | null;
  }>(
    q,
    sql`with stale as (
          select 'structure' as type, s.id, s.name, s.id as structure_id, s.updated_on
            from structures s where s.updated_on is null or s.updated_on + s.update_frequency_days < ${today}::date
          union all
          select 'place', p.id, p.name, p.structure_id, p.updated_on
            from places p where p.status = 'published' and p.structure_id is not null and p.updated_on + p.update_frequency_days < ${today}::date
          union all
          select 'service', v.id, v.name, v.structure_id, v.updated_on
            from services v where v.status = 'published' and v.updated_on + v.update_frequency_days < ${today}::date
        )
        select u.id as user_id, u.email, u.display_name, st.id as structure_id, st.name as structure_name,
               stale.type, stale.id, stale.name, stale.updated_on::text as updated_on
          from stale
          join role_grants g on g.structure_id = stale.structure_id and g.role = 'structure_member' and g.revoked_at is null
          join users u on u.id = g.user_id and u.status = 'active'
          join structures st on st.id = stale.structure_id
         order by u.email, lower(st.name), st.id,
                  case stale.type when 'structure' then 0 when 'place' then 1 else 2 end, lower(stale.name), stale.id`,
  );
  const people = new Map<string, DigestRecipient>();
  for (const r of rows) {
    let person = people.get(r.user_id);
    if (!person) people.set(r.user_id, (person = { userId: r.user_id, email: r.email, displayName: r.display_name, structures: [] }));
    let structure = person.structures.find((s) => s.id === r.structure_id);
    if (!structure) person.structures.push((structure = { id: r.structure_id, name: r.structure_name, listings: [] }));
    // A person holding the role twice for one structure would see each listing twice.
    if (!structure.listings.some((l) => l.type === r.type && l.id === r.id)) {
      structure.listings.push({ type: r.type, id: r.id, name: r.name, updatedOn: r.updated_on });
    }
  }
  return [...people.values()];
}

const frenchDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function digestMail(person: DigestRecipient, publicUrl: string): { to: string; subject: string; text: string } {
  const count = person.structures.reduce((n, s) => n + s.listings.length, 0);
  const lines = [
    `Bonjour ${person.displayName},`,
    '',
    count > 1
      ? `${count} fiches de l’annuaire dont vous vous occupez n’ont pas été confirmées depuis longtemps.`
      : 'Une fiche de l’annuaire dont vous vous occupez n’a pas été confirmée depuis longtemps.',
    'Les personnes qui cherchent de l’aide comptent sur des informations justes : vérifiez-les, corrigez-les ou confirmez qu’elles sont toujours à jour.',
  ];
  for (const s of person.structures) {
    lines.push('', `${s.name} :`);
    for (const l of s.listings) {
      const when = l.updatedOn ? `mise à jour le ${frenchDate(l.updatedOn)}` : 'jamais confirmée';
      lines.push(`- ${TYPE_NOUNS[l.type]} « ${l.name} » (${when}) : ${publicUrl}${EDIT_PATHS[l.type](l.id)}`);
    }
  }
  lines.push('', `Toutes vos fiches : ${publicUrl}/ma-structure`, '', 'Vous recevez ce rappel une fois par mois, seulement quand une fiche est à mettre à jour.');
  return { to: person.email, subject: count > 1 ? `${count} fiches de l’annuaire à mettre à jour` : 'Une fiche de l’annuaire à mettre à jour', text: lines.join('\n') };
}

/**
 * The job: once per month (the period of its payload), in one transaction, the mails of the digest and the
 * next month's job. A job for a month already past (the server was down) sends nothing: this month's follows.
 */
export function freshnessDigestHandlers(config: { publicUrl: string }): JobHandlers {
  return {
    [freshnessDigestJob.kind]: async (job, ctx) => {
      const period = periodOf(job.payload);
      if (!period) throw new Error(`période invalide : ${JSON.stringify(job.payload)}`);
      const now = ctx.clock.now();
      const sent = await inTransaction(ctx.db, async (tx) => {
        if (!(await claimMonthlyRun(tx, freshnessDigestJob, period, now))) return null;
        if (period !== monthOf(now)) return 0;
        const people = await digestRecipients(tx, parisToday(now));
        for (const person of people) await enqueueMail(tx, digestMail(person, config.publicUrl), now);
        return people.length;
      });
      ctx.logger.info({ period, mails: sent }, sent === null ? 'rappel mensuel déjà envoyé' : 'rappel mensuel des fiches à mettre à jour');
    },
  };
}
