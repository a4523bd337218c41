import { NotificationBanner, SummaryList, Tag } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { OrientationRow } from '../db/orientation-queries.ts';
import { frenchDate, statusLabels, type OrientationStatus } from '../domain/orientation.ts';

export interface ListedOrientation {
  row: OrientationRow;
  status: OrientationStatus;
  serviceName: string | null;
  structureName: string | null;
}

export interface OrientationListPageProps {
  ctx: PageContext;
  kind: 'sent' | 'received';
  items: ListedOrientation[];
  notice?: string | undefined;
}

const personOf = (o: OrientationRow) => (o.anonymisedAt ? 'Anonymisée' : `${o.personFirstName ?? ''} ${o.personLastName ?? ''}`.trim());

export function OrientationListPage(props: OrientationListPageProps) {
  const sent = props.kind === 'sent';
  const title = sent ? 'Mes orientations' : 'Orientations reçues';
  return (
    <Layout ctx={props.ctx} title={title}>
      {props.notice ? <NotificationBanner type="success" text={props.notice} /> : null}
      <h1 class="govuk-heading-l">{title}</h1>
      <p class="govuk-body">
        {sent
          ? 'Les personnes que vous avez orientées vers un service, et la réponse de chaque structure. Pour orienter une personne, ouvrez la page du service dans l’annuaire.'
          : 'Les personnes orientées vers votre structure. Ouvrez une orientation pour lire la demande et y répondre.'}
      </p>
      {props.items.length === 0 ? (
        <p class="govuk-body">{sent ? 'Vous n’avez encore orienté personne.' : 'Votre structure n’a reçu aucune orientation.'}</p>
      ) : (
        <ul class="govuk-list">
          {props.items.map((i) => (
            <li>
              <SummaryList
                card={{
                  title: {
                    html: (
                      <a class="govuk-link" href={`/orientations/${i.row.id}`}>
                        {personOf(i.row)}
                      </a>
                    ),
                    headingLevel: 2,
                  },
                }}
                rows={[
                  { key: { text: 'Statut' }, value: { html: <Tag text={statusLabels[i.status].text} classes={statusLabels[i.status].classes} /> } },
                  { key: { text: 'Service' }, value: { text: [i.serviceName, i.structureName].filter(Boolean).join(' – ') || 'Service supprimé' } },
                  { key: { text: 'Envoyée le' }, value: { text: frenchDate(i.row.createdAt) } },
                  i.row.answeredAt ? { key: { text: 'Réponse le' }, value: { text: frenchDate(i.row.answeredAt) } } : null,
                  i.row.answerReason ? { key: { text: i.status === 'refused' ? 'Motif du refus' : 'Message' }, value: { text: i.row.answerReason } } : null,
                ]}
              />
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
