// /mandats for the aidants habilités of a centre or a structure, /mandats/verifier for anyone.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { recordAudit } from '../../../platform/audit/record.ts';
import { renderPdf } from '../../../platform/documents/pdf.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { readForm, valueOf, type FieldError, type FormValues } from '../../../platform/http/form.ts';
import { allow } from '../../../platform/http/guard.ts';
import { pageContext } from '../../../platform/http/render.tsx';
import { notFound, takeFlash, UUID } from '../../../platform/http/route-kit.tsx';
import { updateSessionData } from '../../../platform/http/session.ts';
import { parisToday, parseFrenchDay } from '../../../platform/time/paris.ts';
import { themes } from '../../../platform/views/theme.ts';
import { getStructure } from '../../directory/index.ts';
import { getSocialCentre, listSocialCentres } from '../../territory/index.ts';
import { DURATIONS, IDENTITY_DOCUMENTS, isDuration, isIdentityDocument, isScope, MANDATE_TEXTS, CURRENT_TEXT_VERSION, mandateStatus, SCOPES, type Scope } from '../domain/mandate.ts';
import { managedOwners, membersOf } from '../use-cases/managers.ts';
import { createMandate, habilitationsOf, mandatesOf, revokeMandate, setHabilitation, verifyCode, viewMandate, type Actor, type MandateDeps, type MandateOwner, type NewMandate } from '../use-cases/mandates.ts';
import { AidantsPage, MandatePage, MandatesPage, NewMandatePage, ReadMandatePage, VerifyPage } from './pages.tsx';

export const mandateRoutes = new Hono<AppEnv>();
const staff = allow.staff('agent', 'centre_manager', 'structure_member', 'admin');

function depsOf(c: Context<AppEnv>): MandateDeps {
  const d = c.get('deps');
  return { db: d.db, clock: d.clock, ids: d.ids, config: d.config };
}
function actorOf(c: Context<AppEnv>): Actor {
  const p = c.get('principal');
  return { userId: p.kind === 'staff' ? p.userId : '', label: p.kind === 'staff' ? p.email : '', requestId: c.get('requestId') };
}
async function ownerName(c: Context<AppEnv>, o: MandateOwner): Promise<string> {
  const db = c.get('deps').db;
  return o.kind === 'centre' ? ((await getSocialCentre(db, o.id))?.name ?? 'Centre social') : ((await getStructure(db, o.id))?.name ?? 'Structure');
}
async function myOwners(c: Context<AppEnv>) {
  const owners = await habilitationsOf(c.get('deps').db, c.get('principal'));
  return Promise.all(owners.map(async (o) => ({ ...o, name: await ownerName(c, o) })));
}
const notHabilitated = async (c: Context<AppEnv>) => notFound(c);

mandateRoutes.get('/mandats', staff, async (c) => {
  const owners = await myOwners(c);
  const managed = await managedOwners(c.get('deps').db, c.get('principal'));
  const canManage = managed === 'all' || managed.length > 0;
  if (!owners.length && !canManage) {
    return c.html(
      <MandatesPage ctx={await pageContext(c)} rows={[]} notice={null} canManage={false} notHabilitated />,
    );
  }
  const now = c.get('deps').clock.now();
  const rows = await mandatesOf(c.get('deps').db, owners.map((o) => o.id));
  return c.html(<MandatesPage ctx={await pageContext(c)} rows={rows.map((m) => ({ ...m, status: mandateStatus(m, now), ownerName: owners.find((o) => o.id === m.ownerId)?.name ?? '' }))} notice={await takeFlash(c, 'mandateFlash')} canManage={canManage} />);
});

function readMandate(values: FormValues, owners: MandateOwner[], today: string): { ok: true; input: NewMandate } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const owner = owners.find((o) => o.id === valueOf(values, 'owner')) ?? (owners.length === 1 ? owners[0] : undefined);
  if (!owner) errors.push({ field: 'owner', message: 'Choisissez la structure au nom de laquelle le mandat est donné' });
  const personName = valueOf(values, 'personName').trim().replace(/\s+/g, ' ');
  if (!personName) errors.push({ field: 'personName', message: 'Saisissez le nom et les prénoms de la personne' });
  else if (personName.length > 120) errors.push({ field: 'personName', message: 'Le nom doit faire 120 caractères au plus' });
  const birth = parseFrenchDay(valueOf(values, 'birthDate'));
  if (!birth) errors.push({ field: 'birthDate', message: 'Saisissez une date de naissance réelle, par exemple 02/04/1950' });
  else if (birth >= today) errors.push({ field: 'birthDate', message: 'La date de naissance doit être passée' });
  const documentType = valueOf(values, 'documentType');
  if (!isIdentityDocument(documentType)) errors.push({ field: 'documentType', message: 'Choisissez la pièce d’identité vérifiée' });
  const documentNumber = valueOf(values, 'documentNumber').trim().toUpperCase().replace(/\s+/g, '');
  if (!/^[A-Z0-9]{6,20}$/.test(documentNumber)) errors.push({ field: 'documentNumber', message: 'Saisissez le numéro de la pièce : 6 à 20 lettres ou chiffres' });
  const scopes = (Array.isArray(values.scopes) ? values.scopes : values.scopes ? [values.scopes] : []) as string[];
  if (!scopes.length) errors.push({ field: 'scopes', message: 'Cochez au moins un domaine' });
  else if (!scopes.every(isScope)) errors.push({ field: 'scopes', message: 'Cochez des domaines de la liste' });
  const duration = valueOf(values, 'duration');
  if (!isDuration(duration)) errors.push({ field: 'duration', message: 'Choisissez une durée : 1 jour, 1 mois, 6 mois ou 1 an' });
  if (errors.length) return { ok: false, errors };
  return { ok: true, input: { owner: owner!, personName, personBirthDate: birth!, identity: { source: 'document', type: documentType as keyof typeof IDENTITY_DOCUMENTS, number: documentNumber }, scopes: [...new Set(scopes)] as Scope[], duration: duration as keyof typeof DURATIONS, renews: valueOf(values, 'renews') || null } };
}

mandateRoutes.get('/mandats/nouveau', staff, async (c) => {
  const owners = await myOwners(c);
  if (!owners.length) return notHabilitated(c);
  const values: FormValues = {};
  // Renewal: the same person and domains, to read and agree to again.
  const renews = c.req.query('renouvelle');
  if (renews && new RegExp(`^${UUID}$`).test(renews)) {
    const m = await viewMandate(depsOf(c), renews, owners, actorOf(c));
    if (m) Object.assign(values, { renews: m.id, owner: m.ownerId, personName: m.personName, birthDate: m.personBirthDate, documentType: m.documentType ?? '', scopes: m.scopes, duration: m.duration });
  }
  return c.html(<NewMandatePage ctx={await pageContext(c)} owners={owners} values={values} errors={[]} />);
});

mandateRoutes.post('/mandats/nouveau', staff, async (c) => {
  const owners = await myOwners(c);
  if (!owners.length) return notHabilitated(c);
  const values = await readForm(c);
  const r = readMandate(values, owners, parisToday(c.get('deps').clock.now()));
  if (!r.ok) return c.html(<NewMandatePage ctx={await pageContext(c)} owners={owners} values={values} errors={r.errors} />, 422);
  const paragraphs = MANDATE_TEXTS[CURRENT_TEXT_VERSION]!({ owner: owners.find((o) => o.id === r.input.owner.id)!.name, person: r.input.personName, scopes: r.input.scopes.map((s) => SCOPES[s]), duration: DURATIONS[r.input.duration] });
  return c.html(<ReadMandatePage ctx={await pageContext(c)} paragraphs={paragraphs} values={{ ...values, owner: r.input.owner.id }} errors={[]} />);
});

mandateRoutes.post('/mandats/confirmer', staff, async (c) => {
  const owners = await myOwners(c);
  if (!owners.length) return notHabilitated(c);
  const values = await readForm(c);
  const r = readMandate(values, owners, parisToday(c.get('deps').clock.now()));
  if (!r.ok) return c.html(<NewMandatePage ctx={await pageContext(c)} owners={owners} values={values} errors={r.errors} />, 422);
  if (valueOf(values, 'consent') !== 'oui') {
    const paragraphs = MANDATE_TEXTS[CURRENT_TEXT_VERSION]!({ owner: owners.find((o) => o.id === r.input.owner.id)!.name, person: r.input.personName, scopes: r.input.scopes.map((s) => SCOPES[s]), duration: DURATIONS[r.input.duration] });
    return c.html(<ReadMandatePage ctx={await pageContext(c)} paragraphs={paragraphs} values={values} errors={[{ field: 'consent', message: 'Sans l’accord de la personne, le mandat ne peut pas être créé' }]} />, 422);
  }
  const m = await createMandate(depsOf(c), r.input, actorOf(c));
  await updateSessionData(c, { mandateFlash: `Mandat ${m.reference} créé. Imprimez l’attestation et remettez-la à la personne.` });
  return c.redirect(`/mandats/${m.id}`, 303);
});

async function ownMandate(c: Context<AppEnv>) {
  const owners = await myOwners(c);
  const m = await viewMandate(depsOf(c), c.req.param('id')!, owners, actorOf(c));
  return m ? { m, ownerName: owners.find((o) => o.id === m.ownerId)!.name } : null;
}

mandateRoutes.get(`/mandats/:id{${UUID}}`, staff, async (c) => {
  const found = await ownMandate(c);
  if (!found) return notFound(c);
  return c.html(<MandatePage ctx={await pageContext(c)} m={found.m} status={mandateStatus(found.m, c.get('deps').clock.now())} ownerName={found.ownerName} notice={await takeFlash(c, 'mandateFlash')} errors={[]} />);
});

mandateRoutes.post(`/mandats/:id{${UUID}}/revoquer`, staff, async (c) => {
  const found = await ownMandate(c);
  if (!found) return notFound(c);
  const reason = valueOf(await readForm(c), 'reason');
  const now = c.get('deps').clock.now();
  if (reason !== 'person' && reason !== 'structure') return c.html(<MandatePage ctx={await pageContext(c)} m={found.m} status={mandateStatus(found.m, now)} ownerName={found.ownerName} notice={null} errors={[{ field: 'reason', message: 'Dites qui demande la révocation' }]} />, 422);
  const r = await revokeMandate(depsOf(c), found.m, reason, actorOf(c));
  await updateSessionData(c, { mandateFlash: r.ok ? 'Mandat révoqué. Imprimez l’attestation de révocation pour la personne.' : r.message });
  return c.redirect(`/mandats/${found.m.id}`, 303);
});

for (const kind of ['attestation', 'revocation'] as const) {
  mandateRoutes.get(`/mandats/:id{${UUID}}/${kind}.pdf`, staff, async (c) => {
    const found = await ownMandate(c);
    if (!found || (kind === 'revocation' && !found.m.revokedAt)) return notFound(c);
    const { m } = found;
    const deps = c.get('deps');
    const theme = themes[deps.config.departement];
    const day = (d: Date) => d.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });
    const text = MANDATE_TEXTS[m.textVersion]!({ owner: found.ownerName, person: m.personName, scopes: m.scopes.map((s) => SCOPES[s as Scope] ?? s), duration: DURATIONS[m.duration] });
    const pdf = await renderPdf({
      title: kind === 'attestation' ? `Attestation de mandat ${m.reference}` : `Attestation de révocation du mandat ${m.reference}`,
      issuer: `${theme.logoText} — ${found.ownerName}`,
      brandColour: theme.brandColour,
      blocks: [
        { kind: 'pair', text: 'Personne', value: `${m.personName}, née le ${m.personBirthDate.split('-').reverse().join('/')}` },
        { kind: 'pair', text: 'Structure mandatée', value: found.ownerName },
        { kind: 'pair', text: 'Domaines', value: m.scopes.map((s) => SCOPES[s as Scope]?.split(' :')[0] ?? s).join(', ') },
        { kind: 'pair', text: 'Valable', value: `du ${day(m.startsAt)} au ${day(m.endsAt)}` },
        ...(kind === 'revocation' ? [{ kind: 'pair' as const, text: 'Révoqué le', value: `${day(m.revokedAt!)}, ${m.revocationReason === 'person' ? 'à la demande de la personne' : 'par la structure'}` }] : []),
        { kind: 'subheading', text: kind === 'attestation' ? 'Le texte lu à la personne, qui a donné son accord' : 'Ce mandat ne permet plus d’agir pour la personne.' },
        ...(kind === 'attestation' ? text.map((t) => ({ kind: 'paragraph' as const, text: t })) : []),
        { kind: 'pair', text: 'Code de vérification', value: m.integrityHash },
        { kind: 'small', text: `Vérifiez ce code sur ${deps.config.publicUrl}/mandats/verifier (version du texte : ${m.textVersion}).` },
      ],
    });
    const actor = actorOf(c);
    await recordAudit(deps.db, { at: deps.clock.now(), actorId: actor.userId, actorLabel: actor.label, action: 'mandate.attestation_printed', subjectType: 'mandate', subjectId: m.id, requestId: actor.requestId ?? null, details: { kind } });
    return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${kind}-${m.reference}.pdf"`, 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' });
  });
}

mandateRoutes.get('/mandats/aidants', staff, async (c) => {
  const db = c.get('deps').db;
  const managed = await managedOwners(db, c.get('principal'));
  if (managed !== 'all' && !managed.length) return notFound(c);
  // An admin may set the flag anywhere; the page lists the social centres (structures are managed by their referent).
  const owners: MandateOwner[] = managed === 'all' ? (await listSocialCentres(db, c.get('deps').config.departement)).map((x) => ({ kind: 'centre' as const, id: x.id })) : managed;
  const list = await Promise.all(owners.map(async (o) => ({ ...o, name: await ownerName(c, o), members: await membersOf(db, o) })));
  return c.html(<AidantsPage ctx={await pageContext(c)} owners={list} notice={await takeFlash(c, 'mandateFlash')} />);
});

mandateRoutes.post('/mandats/aidants', staff, async (c) => {
  const db = c.get('deps').db;
  const values = await readForm(c);
  const managed = await managedOwners(db, c.get('principal'));
  const ownerId = valueOf(values, 'owner');
  if (!new RegExp(`^${UUID}$`).test(ownerId)) return notFound(c);
  const owner = managed === 'all' ? null : managed.find((o) => o.id === ownerId);
  const resolved = owner ?? (managed === 'all' ? ((await getSocialCentre(db, ownerId)) ? { kind: 'centre' as const, id: ownerId } : (await getStructure(db, ownerId)) ? { kind: 'structure' as const, id: ownerId } : null) : null);
  if (!resolved) return notFound(c);
  const member = (await membersOf(db, resolved)).find((m) => m.id === valueOf(values, 'user'));
  if (!member) return notFound(c);
  await setHabilitation(depsOf(c), { userId: member.id, owner: resolved, on: valueOf(values, 'on') === 'oui', actor: actorOf(c) });
  await updateSessionData(c, { mandateFlash: valueOf(values, 'on') === 'oui' ? `${member.name} est aidant habilité.` : `${member.name} n’est plus aidant habilité.` });
  return c.redirect('/mandats/aidants', 303);
});

mandateRoutes.get('/mandats/verifier', allow.anyone, async (c) => {
  const code = (c.req.query('code') ?? '').slice(0, 60);
  if (!code.trim()) return c.html(<VerifyPage ctx={await pageContext(c)} code="" result={null} error={c.req.query('code') === undefined ? null : 'Saisissez le code de vérification imprimé sur l’attestation'} />, c.req.query('code') === undefined ? 200 : 422);
  const result = await verifyCode(c.get('deps').db, code, c.get('deps').clock.now());
  return c.html(<VerifyPage ctx={await pageContext(c)} code={code} result={result} error={null} />);
});
