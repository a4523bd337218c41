import { Button, ErrorSummary } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { SocialCentre } from '../domain/social-centre.ts';
import type { CommuneSummary } from '../use-cases/search-communes.ts';
import { CentreCard } from './centre-card.tsx';
import { CommuneField, communeFieldErrorHref, communeFieldScript } from './commune-field.tsx';

export interface MyCentrePageProps {
  ctx: PageContext;
  /** « Trouver mon CDAS » / « Trouver ma MDS ». */
  title: string;
  /** « CDAS » or « MDS ». */
  noun: string;
  departement: string;
  value: { text: string; insee: string | null };
  error?: string | undefined;
  candidates?: CommuneSummary[] | undefined;
  answer?: { commune: CommuneSummary; centre: SocialCentre | null } | undefined;
}

export function MyCentrePage(props: MyCentrePageProps) {
  const { answer } = props;
  return (
    <Layout ctx={props.ctx} title={answer ? `${props.title} : ${answer.commune.name}` : props.title} hasErrors={!!props.error} scripts={[communeFieldScript]}>
      {props.error ? <ErrorSummary errorList={[{ text: props.error, href: communeFieldErrorHref('commune', props.candidates) }]} /> : null}
      <h1 class="govuk-heading-l">{props.title}</h1>
      <p class="govuk-body">
        Chaque commune du département est rattachée à un {props.noun}. Indiquez votre commune pour connaître son adresse, ses horaires et son
        téléphone.
      </p>
      <form method="get" action="/mon-centre" novalidate>
        <CommuneField
          name="commune"
          label={{ text: 'Votre commune', classes: 'govuk-label--s' }}
          value={props.value}
          errorMessage={props.error ? { text: props.error } : undefined}
          candidates={props.candidates}
          departement={props.departement}
        />
        <Button text="Trouver" />
      </form>
      {answer ? (
        <section aria-labelledby="reponse">
          <h2 class="govuk-heading-m" id="reponse">
            Pour {answer.commune.name}
          </h2>
          {answer.centre ? (
            <CentreCard centre={answer.centre} headingLevel={3} />
          ) : (
            <p class="govuk-body">
              Aucun {props.noun} n’est encore rattaché à {answer.commune.name} dans Relais. Contactez l’accueil du Département.
            </p>
          )}
        </section>
      ) : null}
    </Layout>
  );
}
