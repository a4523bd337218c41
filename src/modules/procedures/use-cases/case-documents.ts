// The documents of a case file: the receipt (récépissé) of its filing, made on demand from the answers as
// filed, and the decision letter, made from the procedure version's template when the case file is decided
// and kept with its files (the filer downloads it from their case page).
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client.ts';
import { renderPdf, type PdfBlock } from '../../../platform/documents/pdf.ts';
import { themes } from '../../../platform/views/theme.ts';
import { displayAnswers } from '../domain/answer-display.ts';
import { fillLetter } from '../domain/procedure.ts';
import { caseReference } from '../domain/reference.ts';
import { getVersion } from '../db/procedure-queries.ts';
import { communeNamesIn } from '../db/commune-names.ts';
import { caseEvents, caseFiles, cases, reviewTeams } from '../db/procedures.table.ts';
import { storeCaseFile } from './case-files.ts';
import type { ProceduresDeps } from './deps.ts';

const dateTime = (d: Date) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d).replace(':', ' h ');
const date = (d: Date) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' }).format(d);

/** The receipt of a filed case file, or null when it has not been filed. */
export async function receiptPdf(deps: Pick<ProceduresDeps, 'db' | 'config'>, caseId: string): Promise<{ pdf: Buffer; fileName: string } | null> {
  const q = deps.db;
  const [row] = await q.select().from(cases).where(eq(cases.id, caseId));
  if (!row || !row.filedAt || !row.answers) return null;
  const version = await getVersion(q, row.versionId);
  if (!version) return null;
  const theme = themes[deps.config.departement];
  const files = await q.select({ id: caseFiles.id, name: caseFiles.fileName }).from(caseFiles).where(eq(caseFiles.caseId, row.id));
  const communes = await communeNamesIn(q, [row.answers]);
  const reference = caseReference(row.number, row.createdAt);
  const blocks: PdfBlock[] = [
    { kind: 'pair', text: 'Démarche', value: `${version.definition.title} (version ${version.version})` },
    { kind: 'pair', text: 'Numéro de dossier', value: reference },
    { kind: 'pair', text: 'Envoyé le', value: dateTime(row.filedAt) },
    { kind: 'paragraph', text: 'Ce récépissé atteste que votre demande a été reçue. Il ne vaut pas décision : l’équipe qui s’en occupe l’étudie et vous tiendra au courant.' },
  ];
  for (const section of displayAnswers(version.definition, row.answers, { communeName: (c) => communes.get(c) ?? c, fileName: (id) => files.find((f) => f.id === id)?.name ?? 'fichier joint' })) {
    blocks.push({ kind: 'heading', text: section.title });
    for (const r of section.rows) blocks.push({ kind: 'pair', text: r.label, value: r.lines.join('\n') });
  }
  blocks.push({ kind: 'heading', text: 'Suivre votre demande' });
  blocks.push({ kind: 'paragraph', text: `Sur ${deps.config.publicUrl}/demarches/suivi, avec ce numéro de dossier et le code de suivi donné à l’envoi (il n’est pas écrit ici : gardez-le à part).` });
  return { pdf: await renderPdf({ title: 'Récépissé de dépôt', issuer: theme.logoText, brandColour: theme.brandColour, blocks }), fileName: `recepisse-${reference}.pdf` };
}

/**
 * The decision letter, made from the version's template and kept with the case file's files, in the transaction
 * of the decision: a letter that fails undoes the decision.
 */
export async function writeDecisionLetter(deps: ProceduresDeps, tx: Tx, ctx: { caseId: string; to: 'accepted' | 'refused' | 'closed_without_action'; reason: string | null; now: Date }): Promise<void> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, ctx.caseId));
  const version = row ? await getVersion(tx, row.versionId) : null;
  if (!row || !version) return;
  const [team] = row.teamId ? await tx.select({ name: reviewTeams.name }).from(reviewTeams).where(eq(reviewTeams.id, row.teamId)) : [];
  const theme = themes[deps.config.departement];
  const reference = caseReference(row.number, row.createdAt);
  const template = version.definition.letters[ctx.to];
  const values = {
    reference,
    procedure: version.definition.title,
    date_depot: row.filedAt ? date(row.filedAt) : '',
    date_decision: date(ctx.now),
    motif: ctx.reason ?? '',
    nom: row.filerName ?? 'Madame, Monsieur',
    departement: theme.departementName,
    service: team?.name ?? theme.logoText,
  };
  const body = fillLetter(template.body, values);
  const pdf = await renderPdf({
    title: fillLetter(template.subject, values),
    issuer: `${theme.logoText}${team ? ` — ${team.name}` : ''}`,
    brandColour: theme.brandColour,
    blocks: [{ kind: 'small', text: `Le ${date(ctx.now)}` }, ...body.split(/\n{2,}/u).map((p) => ({ kind: 'paragraph' as const, text: p }))],
  });
  const stored = await storeCaseFile(deps, tx, { caseId: row.id, purpose: 'letter', name: `decision-${reference}.pdf`, bytes: pdf, uploadedByUserId: null, accept: ['pdf'] });
  if (!stored.ok) throw new Error(`decision letter refused: ${stored.message}`);
  await tx.insert(caseEvents).values({ id: deps.ids.uuid(), caseId: row.id, at: ctx.now, actorUserId: null, actorKind: 'system', kind: 'letter', details: { fileId: stored.file.id }, visibleToFiler: true });
}
