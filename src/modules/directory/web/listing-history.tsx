// The recent history of a listing on its edit page: who changed which field, when, and where its
// moderation stands.
import { formatParisDateTime } from '../../../platform/time/paris.ts';
import { Tag } from '../../../platform/views/components/index.ts';
import type { HistoryRow } from '../db/editing-queries.ts';

/** French names of the fields of structures, places and services, for histories. */
export const FIELD_LABELS: Record<string, string> = {
  name: 'Nom',
  kind: 'Type de structure',
  siret: 'SIRET',
  rna: 'RNA',
  parentId: 'Structure parente',
  description: 'Présentation',
  street: 'Adresse',
  complement: 'Complément d’adresse',
  postcode: 'Code postal',
  communeName: 'Commune',
  communeInsee: 'Code de la commune',
  latitude: 'Latitude',
  longitude: 'Longitude',
  phone: 'Téléphone',
  email: 'Adresse e-mail',
  emails: 'Adresses e-mail',
  website: 'Site web',
  websites: 'Sites web',
  openingHours: 'Horaires',
  summary: 'Résumé',
  detail: 'Présentation détaillée',
  services: 'Services proposés',
  publics: 'Publics',
  specificSupport: 'Prise en charge spécifique',
  fees: 'Frais',
  feesDetail: 'Précision sur les frais',
  nationalPrograms: 'Dispositifs nationaux',
  labels: 'Formations et labels',
  accessModes: 'Modalités d’accès',
  supportModes: 'Modalités d’accompagnement',
  itinerance: 'Itinérance',
  accessibilityUrl: 'Fiche acceslibre',
  appointmentUrl: 'Prise de rendez-vous en ligne',
  acceptsPassNumerique: 'Pass numérique',
  updateFrequencyDays: 'Fréquence de mise à jour',
  themes: 'Thématiques',
  publicsDetail: 'Précision sur les publics',
  receptionModes: 'Modes d’accueil',
  mobilisationModes: 'Modes de mobilisation',
  mobilisableBy: 'Qui peut orienter',
  mobilisationDetail: 'Précision sur la mobilisation',
  mobilisationUrl: 'Lien de mobilisation',
  zoneKind: 'Zone d’éligibilité',
  zoneCodes: 'Territoires éligibles',
  accessConditions: 'Conditions d’accès',
  placeId: 'Lieu',
  structureId: 'Structure',
  source: 'Source',
  sourceId: 'Identifiant dans la source',
  pivot: 'Identifiant SIRET/RNA',
  status: 'Publication',
  networks: 'Réseaux',
  otherLabels: 'Autres formations et labels',
  parentStructureName: 'Structure porteuse',
  socialCentreId: 'Centre social du département',
};

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(vide)';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(vide)';
  if (value === true) return 'oui';
  if (value === false) return 'non';
  const s = String(value);
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

const moderationTag = {
  pending: <Tag text="À relire" classes="govuk-tag--yellow" />,
  approved: <Tag text="Relu" classes="govuk-tag--green" />,
  reverted: <Tag text="Annulé" classes="govuk-tag--red" />,
  not_needed: <Tag text="Équipe du département" classes="govuk-tag--grey" />,
};

export function ListingHistory(props: { rows: HistoryRow[]; names: Map<string, { displayName: string }> }) {
  if (props.rows.length === 0) {
    return (
      <>
        <h2 class="govuk-heading-m">Historique des modifications</h2>
        <p class="govuk-body">Aucune modification enregistrée.</p>
      </>
    );
  }
  const who = (r: HistoryRow) =>
    r.actorUserId && props.names.get(r.actorUserId)
      ? props.names.get(r.actorUserId)!.displayName
      : r.actorKind === 'import'
        ? 'Import de données'
        : r.actorKind === 'seed'
          ? 'Données de démonstration'
          : r.actorKind === 'departement'
            ? 'Équipe du département'
            : 'Membre de la structure';
  return (
    <>
      <h2 class="govuk-heading-m" id="historique">
        Historique des modifications
      </h2>
      <p class="govuk-body">Les 30 dernières modifications, les plus récentes d’abord.</p>
      <ul class="govuk-list govuk-list--spaced">
        {props.rows.map((r) => (
          <li class="relais-break-word">
            <strong>{FIELD_LABELS[r.field] ?? r.field}</strong> : {shown(r.newValue)}
            <br />
            <span class="govuk-body-s">
              {formatParisDateTime(r.changedAt)}, {who(r)}
            </span>{' '}
            {moderationTag[r.moderation]}
          </li>
        ))}
      </ul>
    </>
  );
}
