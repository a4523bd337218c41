// Agents hear of new work as they chose (agent_notification_preferences): an e-mail per event (the default),
// a daily digest, or nothing. Mails carry the number and a link, never the answers: personal data stay in Relais.
import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { caseReference } from '../domain/reference.ts';
import { agentNotificationPreferences, cases } from '../db/procedures.table.ts';
import type { ProceduresDeps } from './deps.ts';

export const NOTIFICATION_MODES = ['each', 'daily', 'none'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

const EVENT_WORDS: Record<string, string> = {
  filed: 'Nouveau dossier',
  resubmitted: 'Dossier corrigé par la personne',
  message: 'Nouveau message',
  opinion: 'Avis d’un partenaire reçu',
};

/** The `procedures.notify` job: one e-mail to each member of the case's team who wants each event. */
export async function notifyTeam(deps: Pick<ProceduresDeps, 'db' | 'clock' | 'config'>, payload: { caseId: string; event: string }): Promise<number> {
  const [row] = await deps.db.select().from(cases).where(eq(cases.id, payload.caseId));
  if (!row || !row.teamId) return 0;
  const recipients = await queryRows<{ email: string }>(
    deps.db,
    sql`select u.email from review_team_members m join users u on u.id = m.user_id
        left join agent_notification_preferences p on p.user_id = m.user_id
        where m.team_id = ${row.teamId} and u.status = 'active' and coalesce(p.mode, 'each') = 'each'
        union select t.email from review_teams t where t.id = ${row.teamId} and t.email is not null`,
  );
  const reference = caseReference(row.number, row.createdAt);
  const what = EVENT_WORDS[payload.event] ?? 'Du nouveau';
  await inTransaction(deps.db, async (tx) => {
    for (const r of recipients) {
      await enqueueMail(tx, { to: r.email, subject: `${what} : dossier n° ${reference}`, text: [`${what} sur le dossier n° ${reference}.`, '', `${deps.config.publicUrl}/instruction/dossiers/${row.id}`].join('\n') }, deps.clock.now());
    }
  });
  return recipients.length;
}

/** The daily digest: for each agent who chose it, what arrived in their teams in the last 24 hours. */
export async function sendDailyDigests(deps: Pick<ProceduresDeps, 'db' | 'clock' | 'config'>): Promise<number> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - 86_400_000);
  const agents = await deps.db.select({ userId: agentNotificationPreferences.userId }).from(agentNotificationPreferences).where(eq(agentNotificationPreferences.mode, 'daily'));
  let sent = 0;
  for (const a of agents) {
    const [counts] = await queryRows<{ email: string; filed: number; messages: number }>(
      deps.db,
      sql`select u.email,
                 (select count(*)::int from cases c where c.team_id in (select team_id from review_team_members where user_id = u.id) and c.filed_at >= ${since.toISOString()}) as filed,
                 (select count(*)::int from case_messages m join cases c on c.id = m.case_id where c.team_id in (select team_id from review_team_members where user_id = u.id) and m.author_kind <> 'agent' and m.created_at >= ${since.toISOString()}) as messages
          from users u where u.id = ${a.userId} and u.status = 'active'`,
    );
    if (!counts || counts.filed + counts.messages === 0) continue;
    await enqueueMail(
      deps.db,
      { to: counts.email, subject: `Relais : ${counts.filed} nouveau(x) dossier(s), ${counts.messages} message(s)`, text: [`Depuis hier : ${counts.filed} nouveau(x) dossier(s) et ${counts.messages} message(s) dans vos équipes.`, '', `${deps.config.publicUrl}/instruction`].join('\n') },
      now,
    );
    sent++;
  }
  return sent;
}

export async function setNotificationMode(deps: Pick<ProceduresDeps, 'db' | 'clock'>, userId: string, mode: NotificationMode): Promise<void> {
  await deps.db
    .insert(agentNotificationPreferences)
    .values({ userId, mode, updatedAt: deps.clock.now() })
    .onConflictDoUpdate({ target: agentNotificationPreferences.userId, set: { mode, updatedAt: deps.clock.now() } });
}

export async function notificationMode(q: ProceduresDeps['db'], userId: string): Promise<NotificationMode> {
  const [row] = await q.select({ mode: agentNotificationPreferences.mode }).from(agentNotificationPreferences).where(and(eq(agentNotificationPreferences.userId, userId)));
  return row?.mode ?? 'each';
}

