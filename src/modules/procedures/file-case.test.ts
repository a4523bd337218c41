import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import { queryRows } from '../../platform/db/client.ts';
import { auditEvents } from '../../schema.ts';
import { caseEvents, cases, getPublishedProcedure, procedureVersions, reviewTeams, runCaseCommand, saveDraftPage, startDraft, submitCase } from './index.ts';
import { hashTrackingCode } from './use-cases/file-case.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const filer = { userId: null, label: 'usager sans compte' };
const SLUG = 'contacter-mon-centre-social';

async function draftWith(pages: Record<string, Record<string, string>>) {
  const d = await startDraft(t.deps, { slug: SLUG, filerUserId: null });
  if (!d.ok) throw new Error('no draft');
  for (const [pageId, raw] of Object.entries(pages)) expect(await saveDraftPage(t.deps, { caseId: d.caseId, pageId, raw })).toBe(true);
  return d.caseId;
}

const complete = {
  vous: { prenom: 'Aïcha', nom: 'Durand', commune: '35093' },
  contact: { moyen_contact: 'courriel', email: 'aicha@exemple.fr' },
  message: { sujet: 'rendez-vous', message: 'Je voudrais un rendez-vous pour mon dossier de logement.' },
};

describe('filing a case file', () => {
  it('refuses an incomplete case file, telling each missing answer with its page, and keeps it a draft', async () => {
    const id = await draftWith({ vous: { prenom: 'Aïcha', nom: '', commune: '35093' } });
    const r = await submitCase(t.deps, filer, { caseId: id, idempotencyKey: randomUUID() });
    expect(r.ok).toBe(false);
    if (r.ok || r.reason !== 'invalid') throw new Error('expected invalid');
    expect(r.errors).toContainEqual({ page: 'vous', path: 'nom', message: 'Saisissez nom' });
    expect(r.errors.map((e) => e.page)).toContain('message');
    const [row] = await t.deps.db.select().from(cases).where(eq(cases.id, id));
    expect(row!.state).toBe('draft');
  });

  it('files, routes by commune to the centre that serves it, numbers it, journals it, and a second « Envoyer » files nothing more', async () => {
    const id = await draftWith(complete);
    const key = randomUUID();
    const r = await submitCase(t.deps, filer, { caseId: id, idempotencyKey: key });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.reference).toMatch(/^\d{4}-\d{6}$/);
    expect(r.trackingCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const [row] = await t.deps.db.select().from(cases).where(eq(cases.id, id));
    expect(row!.state).toBe('filed');
    expect(row!.answers).toMatchObject({ prenom: 'Aïcha', commune: '35093', email: 'aicha@exemple.fr' });
    expect(row!.filerName).toBe('Aïcha Durand');
    expect(row!.trackingCodeHash).toBe(hashTrackingCode(r.trackingCode!.toLowerCase()));
    // Dinard (35093) is served by the CDAS de Saint-Malo in the demo sectorisation.
    const [team] = await queryRows<{ name: string }>(t.deps.db, sql`select t.name from review_teams t where t.id = ${row!.teamId}`);
    expect(team!.name).toBe('CDAS de Saint-Malo');
    const again = await submitCase(t.deps, filer, { caseId: id, idempotencyKey: key });
    expect(again).toMatchObject({ ok: true, already: true, reference: r.reference });
    const events = await t.deps.db.select().from(caseEvents).where(eq(caseEvents.caseId, id));
    expect(events.map((e) => e.kind)).toEqual(['filed']);
    const audit = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(audit.map((a) => a.action)).toEqual(['case.filed']);
    // Full-text search is accent-blind.
    const found = await queryRows<{ id: string }>(t.deps.db, sql`select id from cases where search @@ websearch_to_tsquery('french', 'logement aicha') and id = ${id}`);
    expect(found).toHaveLength(1);
  });

  it('a commune no centre serves goes to the default team', async () => {
    const id = await draftWith({ ...complete, vous: { prenom: 'Léa', nom: 'Martin', commune: '13055' } });
    const r = await submitCase(t.deps, filer, { caseId: id, idempotencyKey: null });
    expect(r.ok).toBe(true);
    const [row] = await t.deps.db.select({ key: reviewTeams.key }).from(cases).innerJoin(reviewTeams, eq(reviewTeams.id, cases.teamId)).where(eq(cases.id, id));
    expect(row!.key).toBe('accueil-social');
  });

  it('agents move it through review; a refusal needs its reason, which the filer is told', async () => {
    const id = await draftWith(complete);
    await submitCase(t.deps, filer, { caseId: id, idempotencyKey: null });
    const agent = { userId: randomUUID(), label: 'agent@exemple.fr' };
    expect(await runCaseCommand(t.deps, agent, { caseId: id, command: 'refuse', as: 'agent', reason: 'x' })).toMatchObject({ ok: false, error: 'not_now' });
    expect(await runCaseCommand(t.deps, agent, { caseId: id, command: 'start_review', as: 'agent' })).toMatchObject({ ok: true, to: 'in_review' });
    expect(await runCaseCommand(t.deps, agent, { caseId: id, command: 'refuse', as: 'agent', reason: ' ' })).toMatchObject({ ok: false, error: 'reason_required' });
    expect(await runCaseCommand(t.deps, agent, { caseId: id, command: 'refuse', as: 'agent', reason: 'Hors de notre compétence' })).toMatchObject({ ok: true, to: 'refused' });
    const [row] = await t.deps.db.select().from(cases).where(eq(cases.id, id));
    expect(row).toMatchObject({ state: 'refused', decisionReason: 'Hors de notre compétence', assigneeId: agent.userId });
    expect(row!.decidedAt).not.toBeNull();
    expect(await runCaseCommand(t.deps, agent, { caseId: id, command: 'reopen', as: 'agent', reason: 'erreur' })).toMatchObject({ ok: false, error: 'not_yours' });
    const mails = await queryRows<{ subject: string; text: string }>(t.deps.db, sql`select subject, text from mail_outbox where "to" = 'aicha@exemple.fr' order by id`);
    expect(mails.at(-1)!.text).toContain('Hors de notre compétence');
  });

  it('a published version cannot change, and a case file keeps the version it was filed under', async () => {
    const p = await getPublishedProcedure(t.deps.db, SLUG);
    await expect(t.deps.db.update(procedureVersions).set({ definition: { ...p!.definition, title: 'Autre titre' } }).where(eq(procedureVersions.id, p!.versionId))).rejects.toThrow();
    await expect(t.deps.db.delete(procedureVersions).where(eq(procedureVersions.id, p!.versionId))).rejects.toThrow();
  });
});
