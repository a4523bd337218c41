// Filing a case file: a draft is started under the procedure's published version, saved page by page (even
// when not valid yet: nothing typed is lost), then submitted — checked whole, routed to a team, numbered and
// journaled in one transaction. A second « Envoyer » (double-click, replay) files nothing more.
import { useMandate, type MandateOwner } from '../../mandates/index.ts';
import { createHash, randomInt } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { enqueueJob } from '../../../platform/jobs/enqueue.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { queryRows } from '../../../platform/db/client.ts';
import { parisToday } from '../../../platform/time/paris.ts';
import { randomToken, sha256 } from '../../../platform/security/secret-token.ts';
import { transition } from '../domain/case-lifecycle.ts';
import type { FieldError, RawAnswers } from '../domain/fields.ts';
import { communeOf, contactOf, routeCase, searchText, validateCase } from '../domain/procedure.ts';
import { caseReference } from '../domain/reference.ts';
import { getPublishedProcedure, getVersion } from '../db/procedure-queries.ts';
import { caseEvents, cases, reviewTeams } from '../db/procedures.table.ts';
import type { CaseActorRef, ProceduresDeps } from './deps.ts';

export type StartDraftResult = { ok: true; caseId: string; token: string } | { ok: false; reason: 'not_found' };

export async function startDraft(
  deps: Pick<ProceduresDeps, 'db' | 'clock' | 'ids'>,
  input: { slug: string; filerUserId: string | null; filedByUserId?: string | null; mandate?: { id: string; personName: string } | null },
): Promise<StartDraftResult> {
  const procedure = await getPublishedProcedure(deps.db, input.slug);
  if (!procedure) return { ok: false, reason: 'not_found' };
  const now = deps.clock.now();
  const id = deps.ids.uuid();
  // The draft's own key: carried by its pages (a lost session loses nothing) and by the « reprendre » link.
  const token = randomToken();
  await deps.db.insert(cases).values({
    id,
    procedureId: procedure.procedureId,
    versionId: procedure.versionId,
    state: 'draft',
    rawAnswers: {},
    filerUserId: input.filerUserId,
    filedByUserId: input.filedByUserId ?? null,
    mandateId: input.mandate?.id ?? null,
    filedForName: input.mandate?.personName ?? null,
    resumeTokenHash: sha256(token),
    createdAt: now,
    updatedAt: now,
    touchedAt: now,
  });
  return { ok: true, caseId: id, token };
}

/**
 * Keeps what the person typed on one page, valid or not, while the case file is theirs to edit (a draft, or a
 * correction asked). Returns false when it no longer is (filed meanwhile, or gone).
 */
export async function saveDraftPage(deps: Pick<ProceduresDeps, 'db' | 'clock'>, input: { caseId: string; pageId: string; raw: RawAnswers }): Promise<boolean> {
  const now = deps.clock.now();
  const rows = await queryRows<{ id: string }>(
    deps.db,
    sql`update cases set raw_answers = jsonb_set(raw_answers, array[${input.pageId}]::text[], ${JSON.stringify(input.raw)}::jsonb, true),
               touched_at = ${now.toISOString()}, updated_at = ${now.toISOString()}, purge_warned_at = null
        where id = ${input.caseId} and state in ('draft', 'correction_requested') returning id`,
  );
  return rows.length === 1;
}

export type SubmitResult =
  | { ok: true; caseId: string; number: number; reference: string; trackingCode: string | null; already: boolean }
  | { ok: false; reason: 'invalid'; errors: Array<FieldError & { page: string }> }
  | { ok: false; reason: 'not_found' | 'not_now' | 'mandate'; message: string };

/** An 8-character code in Crockford's base 32 (no I, L, O, U), shown as XXXX-XXXX: 40 bits, easy to copy. */
export function newTrackingCode(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const chars = Array.from({ length: 8 }, () => alphabet[randomInt(32)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

export function hashTrackingCode(code: string): string {
  const normal = code.toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return createHash('sha256').update(normal).digest('base64url');
}

export async function submitCase(
  deps: ProceduresDeps,
  actor: CaseActorRef,
  input: { caseId: string; idempotencyKey: string | null; mandateOwners?: MandateOwner[] },
): Promise<SubmitResult> {
  const now = deps.clock.now();
  const today = parisToday(now);
  return inTransaction(deps.db, async (tx) => {
    // The row lock makes two « Envoyer » of the same case file wait for each other: the second sees it filed.
    const [row] = await tx.select().from(cases).where(eq(cases.id, input.caseId)).for('update');
    if (!row) return { ok: false, reason: 'not_found', message: 'Ce dossier n’existe pas' } as const;
    if (row.state === 'filed' && input.idempotencyKey && row.idempotencyKey === input.idempotencyKey) {
      return { ok: true, caseId: row.id, number: row.number, reference: caseReference(row.number, row.createdAt), trackingCode: null, already: true } as const;
    }
    const t = transition(row.state, 'submit', 'filer');
    if (!t.ok) return { ok: false, reason: 'not_now', message: t.message } as const;
    const version = await getVersion(tx, row.versionId);
    if (!version) return { ok: false, reason: 'not_found', message: 'Cette démarche n’existe plus' } as const;
    const def = version.definition;
    const { answers, errors } = validateCase(def, row.rawAnswers, today);
    if (errors.length) return { ok: false, reason: 'invalid', errors } as const;
    // Filed for a person under a mandate: still active, still covering the procedure, used by one of its aidants.
    if (row.mandateId) {
      if (!def.mandateScope) return { ok: false, reason: 'mandate', message: 'Cette démarche ne peut pas être faite au titre d’un mandat' } as const;
      const used = await useMandate(tx, { mandateId: row.mandateId, owners: input.mandateOwners ?? [], scopes: [def.mandateScope], purpose: `dépôt de la démarche « ${def.title} »`, now, actor: { userId: actor.userId ?? '', label: actor.label, requestId: actor.requestId ?? null } });
      if (!used.ok) return { ok: false, reason: 'mandate', message: used.message } as const;
    }

    const teams = await tx.select({ id: reviewTeams.id, key: reviewTeams.key, socialCentreId: reviewTeams.socialCentreId }).from(reviewTeams);
    // Only the communes the routing rules look at are read from the sectorisation.
    const communes = def.routing.flatMap((r) => ('communeField' in r ? [communeOf(answers, r.communeField)] : [])).filter((x): x is string => x !== null);
    const centreOf = new Map<string, string>();
    if (communes.length) {
      const served = await queryRows<{ commune_insee: string; social_centre_id: string }>(
        tx,
        sql`select commune_insee, social_centre_id from social_centre_communes where commune_insee in (${sql.join(
          communes.map((c) => sql`${c}`),
          sql`, `,
        )})`,
      );
      for (const r of served) centreOf.set(r.commune_insee, r.social_centre_id);
    }
    const teamKey = routeCase(def, answers, (commune) => teams.find((tm) => tm.socialCentreId !== null && tm.socialCentreId === centreOf.get(commune))?.key ?? null);
    const team = teams.find((tm) => tm.key === teamKey) ?? null;
    const contact = contactOf(def, answers);
    const firstFiling = row.filedAt === null;
    const trackingCode = firstFiling ? newTrackingCode() : null;
    await tx
      .update(cases)
      .set({
        state: t.to,
        answers,
        filerName: contact.name,
        contactEmail: contact.email,
        contactPhone: contact.phone,
        communeCode: communeOf(answers, def.communeField),
        // A resubmission after a correction stays with the team and agent who asked for it.
        teamId: firstFiling ? (team?.id ?? null) : row.teamId,
        idempotencyKey: input.idempotencyKey,
        trackingCodeHash: trackingCode ? hashTrackingCode(trackingCode) : row.trackingCodeHash,
        search: sql`to_tsvector('french', ${`${row.number} ${searchText(answers)}`})`,
        updatedAt: now,
        touchedAt: now,
        filedAt: firstFiling ? now : row.filedAt,
        resumeTokenHash: null,
      })
      .where(and(eq(cases.id, row.id), eq(cases.state, row.state)));
    await tx.insert(caseEvents).values({
      id: deps.ids.uuid(),
      caseId: row.id,
      at: now,
      actorUserId: actor.userId,
      actorKind: 'filer',
      kind: firstFiling ? 'filed' : 'resubmitted',
      fromState: row.state,
      toState: t.to,
      reason: t.reason,
      details: { teamKey: firstFiling ? teamKey : undefined, version: version.version },
      visibleToFiler: true,
    });
    const reference = caseReference(row.number, row.createdAt);
    await recordAudit(tx, {
      at: now,
      actorId: actor.userId,
      actorLabel: actor.label,
      action: firstFiling ? 'case.filed' : 'case.resubmitted',
      subjectType: 'case',
      subjectId: row.id,
      personId: row.filerUserId ?? undefined,
      ip: actor.ip ?? null,
      requestId: actor.requestId ?? null,
      details: { reference, procedure: def.slug, version: version.version, team: teamKey },
    });
    if (contact.email) {
      await enqueueMail(
        tx,
        {
          to: contact.email,
          subject: firstFiling ? `Votre demande « ${def.title} » est bien déposée (dossier n° ${reference})` : `Votre dossier n° ${reference} est de nouveau déposé`,
          text: [
            'Bonjour,',
            '',
            firstFiling
              ? `Nous avons bien reçu votre demande « ${def.title} ». Son numéro de dossier est ${reference}.`
              : `Vous avez envoyé les corrections de votre dossier n° ${reference} (« ${def.title} »). Il est de nouveau déposé.`,
            ...(trackingCode ? ['', `Votre code de suivi : ${trackingCode}`, 'Gardez-le : avec le numéro de dossier, il vous permet de suivre votre demande sans compte.'] : []),
            '',
            `Pour suivre votre demande : ${deps.config.publicUrl}/demarches/suivi`,
            '',
            'Vous recevrez un message à chaque étape.',
          ].join('\n'),
        },
        now,
      );
    }
    // The reviewing team hears of it according to each agent's preferences (see the notify job).
    await enqueueJob(tx, { kind: 'procedures.notify', payload: { caseId: row.id, event: firstFiling ? 'filed' : 'resubmitted' } }, now);
    return { ok: true, caseId: row.id, number: row.number, reference, trackingCode, already: false } as const;
  });
}

/** The draft a « reprendre » key opens (only while it is a draft), or null. */
export async function draftByToken(q: ProceduresDeps['db'], token: string): Promise<{ id: string; filerUserId: string | null } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/u.test(token)) return null;
  const [row] = await q.select({ id: cases.id, filerUserId: cases.filerUserId }).from(cases).where(and(eq(cases.resumeTokenHash, sha256(token)), eq(cases.state, 'draft')));
  return row ?? null;
}
