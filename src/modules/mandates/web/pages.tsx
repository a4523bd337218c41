// The aidants' pages: their mandates, a new one (form, then the text read to the person and their consent), one
// mandate (attestation, revocation, renewal), the habilitations, and the public check of an attestation.
import type { FieldError, FormValues } from '../../../platform/http/form.ts';
import { errorFor, valueOf } from '../../../platform/http/form.ts';
import { Button, Checkboxes, ErrorSummary, Input, InsetText, NotificationBanner, Panel, Radios, Select, SummaryList, Table, Tag, WarningText } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { ScrollRegion } from '../../../platform/views/scroll-region.tsx';
import { DURATIONS, IDENTITY_DOCUMENTS, SCOPES, STATUS_LABELS, type MandateStatus } from '../domain/mandate.ts';
import type { MandateRow } from '../use-cases/mandates.ts';
import type { Member } from '../use-cases/managers.ts';

export interface OwnerChoice {
  id: string;
  name: string;
}

const STATUS_TAGS: Record<MandateStatus, string> = { active: 'govuk-tag--green', expired: 'govuk-tag--grey', revoked: 'govuk-tag--red' };
const day = (d: Date) => d.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });
const scopeNames = (scopes: readonly string[]) => scopes.map((s) => SCOPES[s as keyof typeof SCOPES]?.split(' :')[0] ?? s).join(', ');

export function MandatesPage(p: { ctx: PageContext; rows: Array<MandateRow & { status: MandateStatus; ownerName: string }>; notice: string | null; canManage: boolean; notHabilitated?: boolean }) {
  return (
    <Layout ctx={p.ctx} title="Mandats">
      {p.notice ? <NotificationBanner type="success" text={p.notice} /> : null}
      <h1 class="govuk-heading-l">Mandats</h1>
      <p class="govuk-body">Un mandat permet aux aidants habilités de votre structure de faire des démarches à la place d’une personne, dans les domaines qu’elle a choisis et pour une durée limitée.</p>
      {p.notHabilitated ? (
        <InsetText text="Vous n’êtes pas aidant habilité : seuls les aidants habilités par le responsable de votre centre ou le référent de votre structure créent et utilisent des mandats." />
      ) : (
      <div class="govuk-button-group">
        <a class="govuk-button" href="/mandats/nouveau">
          Nouveau mandat
        </a>
        {p.canManage ? (
          <a class="govuk-button govuk-button--secondary" href="/mandats/aidants">
            Aidants habilités
          </a>
        ) : null}
      </div>
      )}
      {p.notHabilitated ? null : p.rows.length ? (
        <ScrollRegion label="Mandats">
          <Table
            head={[{ text: 'Référence' }, { text: 'Personne' }, { text: 'Domaines' }, { text: 'Fin' }, { text: 'État' }]}
            rows={p.rows.map((m) => [
              { html: <a class="govuk-link" href={`/mandats/${m.id}`}>{m.reference}</a> },
              { text: m.personName },
              { text: scopeNames(m.scopes) },
              { text: day(m.endsAt) },
              { html: <Tag text={STATUS_LABELS[m.status]} classes={STATUS_TAGS[m.status]} /> },
            ])}
          />
        </ScrollRegion>
      ) : (
        <p class="govuk-body">Aucun mandat pour l’instant.</p>
      )}
    </Layout>
  );
}

export function NewMandatePage(p: { ctx: PageContext; owners: OwnerChoice[]; values: FormValues; errors: FieldError[] }) {
  const v = p.values;
  const scopes = Array.isArray(v.scopes) ? v.scopes : v.scopes ? [v.scopes] : [];
  return (
    <Layout ctx={p.ctx} title="Nouveau mandat" hasErrors={p.errors.length > 0}>
      {p.errors.length ? <ErrorSummary errorList={p.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
      <h1 class="govuk-heading-l">Nouveau mandat</h1>
      <form method="post" action="/mandats/nouveau" novalidate>
        <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
        {valueOf(v, 'renews') ? <input type="hidden" name="renews" value={valueOf(v, 'renews')} /> : null}
        {p.owners.length > 1 ? <Select id="owner" name="owner" label={{ text: 'Au nom de', classes: 'govuk-label--s' }} items={p.owners.map((o) => ({ value: o.id, text: o.name }))} value={valueOf(v, 'owner')} errorMessage={errorFor(p.errors, 'owner')} /> : <input type="hidden" name="owner" value={p.owners[0]?.id ?? ''} />}
        <h2 class="govuk-heading-m">La personne</h2>
        <Input id="personName" name="personName" label={{ text: 'Nom et prénoms, comme sur la pièce d’identité', classes: 'govuk-label--s' }} value={valueOf(v, 'personName')} errorMessage={errorFor(p.errors, 'personName')} autocomplete="off" spellcheck={false} />
        <Input id="birthDate" name="birthDate" type="date" label={{ text: 'Date de naissance', classes: 'govuk-label--s' }} value={valueOf(v, 'birthDate')} errorMessage={errorFor(p.errors, 'birthDate')} classes="govuk-input--width-10" />
        <Select id="documentType" name="documentType" label={{ text: 'Pièce d’identité vérifiée', classes: 'govuk-label--s' }} hint={{ text: 'Vous notez son type et son numéro ; n’en gardez aucune copie.' }} items={[{ value: '', text: 'Choisir' }, ...Object.entries(IDENTITY_DOCUMENTS).map(([value, text]) => ({ value, text }))]} value={valueOf(v, 'documentType')} errorMessage={errorFor(p.errors, 'documentType')} />
        <Input id="documentNumber" name="documentNumber" label={{ text: 'Numéro de la pièce', classes: 'govuk-label--s' }} value={valueOf(v, 'documentNumber')} errorMessage={errorFor(p.errors, 'documentNumber')} classes="govuk-input--width-20" spellcheck={false} autocomplete="off" />
        <Checkboxes name="scopes" idPrefix="scopes" classes="govuk-checkboxes--small" fieldset={{ legend: { text: 'Domaines où vous pourrez agir pour elle', classes: 'govuk-fieldset__legend--m' } }} errorMessage={errorFor(p.errors, 'scopes')} items={Object.entries(SCOPES).map(([value, text]) => ({ value, text, checked: scopes.includes(value) }))} />
        <Radios name="duration" idPrefix="duration" classes="govuk-radios--inline" fieldset={{ legend: { text: 'Durée', classes: 'govuk-fieldset__legend--m' } }} value={valueOf(v, 'duration')} errorMessage={errorFor(p.errors, 'duration')} items={Object.entries(DURATIONS).map(([value, text]) => ({ value, text }))} />
        <Button text="Continuer : lire le mandat à la personne" />
      </form>
    </Layout>
  );
}

export function ReadMandatePage(p: { ctx: PageContext; paragraphs: string[]; values: FormValues; errors: FieldError[] }) {
  const v = p.values;
  const scopes = Array.isArray(v.scopes) ? v.scopes : v.scopes ? [v.scopes] : [];
  return (
    <Layout ctx={p.ctx} title="Lire le mandat à la personne" hasErrors={p.errors.length > 0}>
      {p.errors.length ? <ErrorSummary errorList={p.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
      <h1 class="govuk-heading-l">Lisez ce texte à la personne</h1>
      <div class="govuk-inset-text">
        {p.paragraphs.map((t) => (
          <p class="govuk-body">{t}</p>
        ))}
      </div>
      <form method="post" action="/mandats/confirmer" novalidate>
        <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
        {['owner', 'personName', 'birthDate', 'documentType', 'documentNumber', 'duration', 'renews'].map((k) => (valueOf(v, k) ? <input type="hidden" name={k} value={valueOf(v, k)} /> : null))}
        {scopes.map((s) => (
          <input type="hidden" name="scopes" value={s} />
        ))}
        <Checkboxes name="consent" idPrefix="consent" errorMessage={errorFor(p.errors, 'consent')} items={[{ value: 'oui', text: 'La personne a entendu ce texte et donne son accord' }]} />
        <Button text="Créer le mandat" />
      </form>
    </Layout>
  );
}

export function MandatePage(p: { ctx: PageContext; m: MandateRow; status: MandateStatus; ownerName: string; notice: string | null; errors: FieldError[] }) {
  const m = p.m;
  return (
    <Layout ctx={p.ctx} title={`Mandat ${m.reference}`} hasErrors={p.errors.length > 0}>
      {p.errors.length ? <ErrorSummary errorList={p.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
      {p.notice ? <NotificationBanner type="success" text={p.notice} /> : null}
      <span class="govuk-caption-l">{p.ownerName}</span>
      <h1 class="govuk-heading-l">Mandat {m.reference}</h1>
      <SummaryList
        rows={[
          { key: { text: 'État' }, value: { html: <Tag text={STATUS_LABELS[p.status]} classes={STATUS_TAGS[p.status]} /> } },
          { key: { text: 'Personne' }, value: { text: `${m.personName}, née le ${m.personBirthDate.split('-').reverse().join('/')}` } },
          { key: { text: 'Identité vérifiée' }, value: { text: `${IDENTITY_DOCUMENTS[m.documentType as keyof typeof IDENTITY_DOCUMENTS] ?? m.documentType ?? 'FranceConnect'} n° ${m.documentNumber ?? ''}` } },
          { key: { text: 'Domaines' }, value: { text: scopeNames(m.scopes) } },
          { key: { text: 'Du' }, value: { text: day(m.startsAt) } },
          { key: { text: 'Au' }, value: { text: day(m.endsAt) } },
          { key: { text: 'Code de vérification' }, value: { text: m.integrityHash } },
          m.revokedAt ? { key: { text: 'Révoqué le' }, value: { text: `${day(m.revokedAt)} (${m.revocationReason === 'person' ? 'à la demande de la personne' : 'par la structure'})` } } : null,
        ]}
      />
      <p class="govuk-body">
        <a class="govuk-link" href={`/mandats/${m.id}/attestation.pdf`}>
          Imprimer l’attestation (PDF)
        </a>
        {m.revokedAt ? (
          <>
            {' · '}
            <a class="govuk-link" href={`/mandats/${m.id}/revocation.pdf`}>
              Imprimer l’attestation de révocation (PDF)
            </a>
          </>
        ) : null}
      </p>
      {p.status === 'active' ? (
        <form method="post" action={`/mandats/${m.id}/revoquer`} novalidate>
          <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
          <Radios
            name="reason"
            idPrefix="reason"
            fieldset={{ legend: { text: 'Révoquer ce mandat', classes: 'govuk-fieldset__legend--m' } }}
            errorMessage={errorFor(p.errors, 'reason')}
            items={[
              { value: 'person', text: 'À la demande de la personne' },
              { value: 'structure', text: 'Par la structure' },
            ]}
          />
          <WarningText text="La révocation est immédiate : plus personne ne pourra utiliser ce mandat." />
          <Button text="Révoquer le mandat" classes="govuk-button--warning" />
        </form>
      ) : (
        <p class="govuk-body">
          <a class="govuk-button govuk-button--secondary" href={`/mandats/nouveau?renouvelle=${m.id}`}>
            Renouveler avec la personne
          </a>
        </p>
      )}
    </Layout>
  );
}

export function AidantsPage(p: { ctx: PageContext; owners: Array<OwnerChoice & { members: Member[] }>; notice: string | null }) {
  return (
    <Layout ctx={p.ctx} title="Aidants habilités">
      {p.notice ? <NotificationBanner type="success" text={p.notice} /> : null}
      <h1 class="govuk-heading-l">Aidants habilités</h1>
      <p class="govuk-body">Seuls les aidants habilités créent et utilisent les mandats de leur structure.</p>
      {p.owners.map((o) => (
        <>
          <h2 class="govuk-heading-m">{o.name}</h2>
          {o.members.length ? (
            <ScrollRegion label={`Aidants de ${o.name}`}>
              <Table
                head={[{ text: 'Personne' }, { text: 'Habilitation' }, { text: 'Action' }]}
                rows={o.members.map((m) => [
                  { text: `${m.name} (${m.email})` },
                  { html: <Tag text={m.habilitated ? 'Aidant habilité' : 'Non habilité'} classes={m.habilitated ? 'govuk-tag--green' : 'govuk-tag--grey'} /> },
                  {
                    html: (
                      <form method="post" action="/mandats/aidants" class="relais-inline-form">
                        <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
                        <input type="hidden" name="owner" value={o.id} />
                        <input type="hidden" name="user" value={m.id} />
                        <input type="hidden" name="on" value={m.habilitated ? 'non' : 'oui'} />
                        <button class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                          {m.habilitated ? 'Retirer' : 'Habiliter'}
                          <span class="govuk-visually-hidden"> {m.name}</span>
                        </button>
                      </form>
                    ),
                  },
                ])}
              />
            </ScrollRegion>
          ) : (
            <p class="govuk-body">Personne dans cette structure.</p>
          )}
        </>
      ))}
    </Layout>
  );
}

export function VerifyPage(p: { ctx: PageContext; code: string; result: MandateStatus | 'unknown' | null; error: string | null }) {
  const answers: Record<MandateStatus | 'unknown', { title: string; text: string }> = {
    active: { title: 'Mandat valide', text: 'Ce code correspond à un mandat en cours de validité.' },
    expired: { title: 'Mandat expiré', text: 'Ce code correspond à un mandat dont la durée est passée : il ne permet plus d’agir.' },
    revoked: { title: 'Mandat révoqué', text: 'Ce code correspond à un mandat révoqué : il ne permet plus d’agir.' },
    unknown: { title: 'Code inconnu', text: 'Aucun mandat ne correspond à ce code. Vérifiez qu’il est recopié sans erreur.' },
  };
  return (
    <Layout ctx={p.ctx} title="Vérifier un mandat" hasErrors={!!p.error}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {p.error ? <ErrorSummary errorList={[{ text: p.error, href: '#code' }]} /> : null}
          <h1 class="govuk-heading-l">Vérifier un mandat</h1>
          <p class="govuk-body">Le code de vérification est imprimé sur l’attestation de mandat. Cette page dit seulement si le mandat est valide, expiré ou révoqué.</p>
          {p.result === 'active' ? <Panel titleText={answers.active.title} text={answers.active.text} /> : p.result ? <InsetText text={`${answers[p.result].title}. ${answers[p.result].text}`} /> : null}
          <form method="get" action="/mandats/verifier" novalidate>
            <Input id="code" name="code" label={{ text: 'Code de vérification', classes: 'govuk-label--s' }} hint={{ text: '24 lettres et chiffres, par exemple ABCD-EFGH-JKLM-NPQR-STUV-WXYZ' }} value={p.code} errorMessage={p.error ? { text: p.error } : undefined} spellcheck={false} autocomplete="off" autocapitalize="characters" />
            <Button text="Vérifier" />
          </form>
        </div>
      </div>
    </Layout>
  );
}
