// Asking to manage a structure: find it by name or SIRET, then give its SIRET (and a word for the team).
import type { FieldError } from '../../../platform/http/form.ts';
import { BackLink, Button, Input, InsetText, Textarea } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { ClaimCandidate } from '../db/editing-queries.ts';
import type { StructureRow } from '../db/listing-store.ts';
import { errorOf, Summary } from './form-kit.tsx';
import { STRUCTURE_KIND_LABELS } from './structure-kinds.ts';

export function ClaimSearchPage(props: { ctx: PageContext; query: string; results: ClaimCandidate[] | null; error?: string | undefined }) {
  const errors: FieldError[] = props.error ? [{ field: 'q', message: props.error }] : [];
  return (
    <Layout ctx={props.ctx} title="Demander à gérer une structure" hasErrors={errors.length > 0} beforeContent={<BackLink href="/ma-structure" text="Ma structure" />}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <Summary errors={errors} order={['q']} />
          <h1 class="govuk-heading-l">Demander à gérer une structure</h1>
          <p class="govuk-body">
            Les membres d’une structure tiennent à jour ses lieux d’accueil et ses services dans l’annuaire. Cherchez votre structure, puis
            confirmez son numéro SIRET.
          </p>
          <form method="get" action="/ma-structure/revendiquer" novalidate>
            <Input id="q" name="q" label={{ text: 'Nom ou numéro SIRET de la structure', classes: 'govuk-label--s' }} value={props.query} errorMessage={errorOf(errors, 'q')} autocomplete="off" />
            <Button text="Rechercher" />
          </form>
          {props.results === null ? null : props.results.length === 0 ? (
            <InsetText text={`Aucune structure ne correspond à « ${props.query} ». Vérifiez l’orthographe, ou écrivez à l’équipe annuaire du département pour qu’elle ajoute votre structure.`} />
          ) : (
            <>
              <h2 class="govuk-heading-m">
                {props.results.length} structure{props.results.length > 1 ? 's' : ''} trouvée{props.results.length > 1 ? 's' : ''}
              </h2>
              <ul class="govuk-list govuk-list--spaced">
                {props.results.map((r) => (
                  <li>
                    <a class="govuk-link" href={`/ma-structure/revendiquer/${r.id}`}>
                      {r.name}
                    </a>
                    <br />
                    <span class="govuk-body-s">
                      {STRUCTURE_KIND_LABELS[r.kind]} · SIRET {r.siret ?? 'non renseigné'}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </Layout>
  );
}

export function ClaimFormPage(props: { ctx: PageContext; structure: StructureRow; values: { siret: string; message: string }; errors: FieldError[] }) {
  const { structure, errors } = props;
  return (
    <Layout ctx={props.ctx} title={`Gérer « ${structure.name} »`} hasErrors={errors.length > 0} beforeContent={<BackLink href="/ma-structure/revendiquer" text="Chercher une autre structure" />}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <Summary errors={errors} order={['siret', 'message']} />
          <span class="govuk-caption-l">Demander à gérer une structure</span>
          <h1 class="govuk-heading-l">{structure.name}</h1>
          <p class="govuk-body">
            Si votre adresse e-mail professionnelle est sur le même domaine que le site web de la structure, votre demande est acceptée tout
            de suite. Sinon, l’équipe annuaire du département la vérifie et vous répond.
          </p>
          <form method="post" action={`/ma-structure/revendiquer/${structure.id}`} novalidate>
            <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
            <Input
              id="siret"
              name="siret"
              label={{ text: 'Numéro SIRET de la structure', classes: 'govuk-label--s' }}
              hint={{ text: '14 chiffres, sur l’avis de situation au répertoire SIRENE ou sur annuaire-entreprises.data.gouv.fr' }}
              value={props.values.siret}
              errorMessage={errorOf(errors, 'siret')}
              classes="govuk-input--width-20"
              inputmode="numeric"
              autocomplete="off"
            />
            <Textarea
              id="message"
              name="message"
              rows={4}
              label={{ text: 'Message pour l’équipe annuaire (facultatif)', classes: 'govuk-label--s' }}
              hint={{ text: 'Votre fonction dans la structure, par exemple' }}
              value={props.values.message}
              errorMessage={errorOf(errors, 'message')}
            />
            <Button text="Envoyer la demande" preventDoubleClick />
          </form>
        </div>
      </div>
    </Layout>
  );
}

/** A claim that cannot be made: the person is already a member, or already waits for an answer. */
export function ClaimRefusedPage(props: { ctx: PageContext; title: string; text: string }) {
  return (
    <Layout ctx={props.ctx} title={props.title} beforeContent={<BackLink href="/ma-structure" text="Ma structure" />}>
      <h1 class="govuk-heading-l">{props.title}</h1>
      <p class="govuk-body">{props.text}</p>
      <p class="govuk-body">
        <a class="govuk-link" href="/ma-structure">
          Retour à « Ma structure »
        </a>
      </p>
    </Layout>
  );
}
