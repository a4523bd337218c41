import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../../../tests/support/staff-session.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { queryRows } from '../../platform/db/client.ts';
import { caseFiles, caseMessages, caseNotes, cases, reviewTeamMembers, reviewTeams } from './db/procedures.table.ts';
import { storeCaseFile } from './use-cases/case-files.ts';
import { saveDraftPage, startDraft, submitCase } from './use-cases/file-case.ts';
import { notifyTeam, sendDailyDigests, setNotificationMode } from './use-cases/notify-agents.ts';
import { anonymiseClosedCases, warnAndPurgeDrafts } from './use-cases/retention.ts';
import { runCaseCommand } from './use-cases/run-case-command.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const DAY = 86_400_000;
const retention = { draftRetentionDays: 90, draftWarningDays: 7 };
const PDF = new TextEncoder().encode('%PDF-1.4 pièce');

async function draft(email: string) {
  const d = await startDraft(t.deps, { slug: 'contacter-mon-centre-social', filerUserId: null });
  if (!d.ok) throw new Error('draft');
  await saveDraftPage(t.deps, { caseId: d.caseId, pageId: 'contact', raw: { moyen_contact: 'courriel', email } });
  const stored = await storeCaseFile(t.deps, t.deps.db, { caseId: d.caseId, purpose: 'answer', fieldPath: 'piece', name: 'piece.pdf', bytes: PDF, uploadedByUserId: null });
  if (!stored.ok) throw new Error(stored.message);
  return { caseId: d.caseId, key: stored.file.storageKey };
}

async function mailsTo(to: string) {
  return queryRows<{ subject: string; text: string }>(t.deps.db, sql`select subject, text from mail_outbox where "to" = ${to} order by id`);
}

describe('retention of drafts and case files', () => {
  it('warns once before deleting an untouched draft, deletes it with its files after, and keeps a draft touched since', async () => {
    const old = await draft('oublie@exemple.fr');
    const kept = await draft('actif@exemple.fr');
    t.clock.advance(84 * DAY);
    await saveDraftPage(t.deps, { caseId: kept.caseId, pageId: 'vous', raw: { prenom: 'Toujours là' } });
    const first = await warnAndPurgeDrafts(t.deps, retention);
    expect(first.warned).toBeGreaterThanOrEqual(1);
    const warning = await mailsTo('oublie@exemple.fr');
    expect(warning).toHaveLength(1);
    expect(warning[0]!.subject).toContain('sera supprimé dans 7 jours');
    expect(warning[0]!.text).toMatch(/\/demarches\/reprendre\/[A-Za-z0-9_-]+/);
    await warnAndPurgeDrafts(t.deps, retention);
    expect(await mailsTo('oublie@exemple.fr')).toHaveLength(1);
    t.clock.advance(7 * DAY);
    await warnAndPurgeDrafts(t.deps, retention);
    expect(await t.deps.db.select().from(cases).where(eq(cases.id, old.caseId))).toHaveLength(0);
    expect(await t.deps.files.get(old.key)).toBeNull();
    expect(await t.deps.db.select().from(cases).where(eq(cases.id, kept.caseId))).toHaveLength(1);
    expect(await t.deps.files.get(kept.key)).not.toBeNull();
  });

  it('anonymises a decided case file after its retention period: no answer, name, contact, message, note or file remains', async () => {
    const d = await draft('decide@exemple.fr');
    await saveDraftPage(t.deps, { caseId: d.caseId, pageId: 'vous', raw: { prenom: 'Gwenaëlle', nom: 'Kerjean', commune: '35093' } });
    await saveDraftPage(t.deps, { caseId: d.caseId, pageId: 'message', raw: { sujet: 'aide', message: 'Secret de Gwenaëlle', piece: (await t.deps.db.select().from(caseFiles).where(eq(caseFiles.caseId, d.caseId)))[0]!.id } });
    const filed = await submitCase(t.deps, { userId: null, label: 'usager' }, { caseId: d.caseId, idempotencyKey: randomUUID() });
    expect(filed.ok).toBe(true);
    const agent = { userId: randomUUID(), label: 'agent' };
    await t.deps.db.insert(caseNotes).values({ id: randomUUID(), caseId: d.caseId, authorUserId: agent.userId, body: 'Note sur Gwenaëlle', createdAt: t.clock.now() });
    await t.deps.db.insert(caseMessages).values({ id: randomUUID(), caseId: d.caseId, authorKind: 'filer', body: 'Message de Gwenaëlle', createdAt: t.clock.now() });
    await runCaseCommand(t.deps, agent, { caseId: d.caseId, command: 'start_review', as: 'agent' });
    await runCaseCommand(t.deps, agent, { caseId: d.caseId, command: 'refuse', as: 'agent', reason: 'Gwenaëlle habite ailleurs' });
    t.clock.advance(300 * DAY);
    expect(await anonymiseClosedCases(t.deps)).toBe(0);
    t.clock.advance(70 * DAY);
    expect(await anonymiseClosedCases(t.deps)).toBeGreaterThanOrEqual(1);
    const rows = await queryRows<{ dump: string }>(
      t.deps.db,
      sql`select (select row_to_json(c)::text from cases c where c.id = ${d.caseId})
             || coalesce((select string_agg(row_to_json(e)::text, '') from case_events e where e.case_id = ${d.caseId}), '')
             || coalesce((select string_agg(row_to_json(m)::text, '') from case_messages m where m.case_id = ${d.caseId}), '')
             || coalesce((select string_agg(row_to_json(n)::text, '') from case_notes n where n.case_id = ${d.caseId}), '')
             || coalesce((select string_agg(row_to_json(f)::text, '') from case_files f where f.case_id = ${d.caseId}), '') as dump`,
    );
    expect(rows[0]!.dump).not.toMatch(/Gwena|Kerjean|decide@exemple|35093|piece\.pdf/);
    const [row] = await t.deps.db.select().from(cases).where(eq(cases.id, d.caseId));
    expect(row).toMatchObject({ state: 'refused', answers: null });
    expect(row!.anonymisedAt).not.toBeNull();
    expect(await t.deps.files.get(d.key)).toBeNull();
  });
});

describe('agents’ notifications', () => {
  it('mails each agent who wants each event, not those who chose none or the daily digest, which comes once a day', async () => {
    const [team] = await t.deps.db.select().from(reviewTeams).where(eq(reviewTeams.key, 'mediation'));
    const each = await createStaffUser(t, 'agent');
    const none = await createStaffUser(t, 'agent');
    const daily = await createStaffUser(t, 'agent');
    for (const u of [each, none, daily]) await t.deps.db.insert(reviewTeamMembers).values({ teamId: team!.id, userId: u.userId, role: 'reviewer', createdAt: t.clock.now() });
    await setNotificationMode(t.deps, none.userId, 'none');
    await setNotificationMode(t.deps, daily.userId, 'daily');
    const caseId = randomUUID();
    const [v] = await queryRows<{ id: string; procedure_id: string }>(t.deps.db, sql`select v.id, v.procedure_id from procedure_versions v join procedures p on p.current_version_id = v.id where p.slug = 'demande-de-mediation'`);
    const now = t.clock.now();
    await t.deps.db.insert(cases).values({ id: caseId, procedureId: v!.procedure_id, versionId: v!.id, state: 'filed', answers: {}, teamId: team!.id, createdAt: now, updatedAt: now, touchedAt: now, filedAt: now });
    await notifyTeam(t.deps, { caseId, event: 'filed' });
    expect(await mailsTo(each.email)).toHaveLength(1);
    expect((await mailsTo(each.email))[0]!.subject).toMatch(/^Nouveau dossier : dossier n° \d{4}-\d{6}$/);
    expect(await mailsTo(none.email)).toHaveLength(0);
    expect(await mailsTo(daily.email)).toHaveLength(0);
    await sendDailyDigests(t.deps);
    const digest = await mailsTo(daily.email);
    expect(digest).toHaveLength(1);
    expect(digest[0]!.text).toContain('nouveau(x) dossier(s)');
  });
});
