import type { RoleScope } from '../../platform/http/context.ts';

export const roleLabels: Record<RoleScope['role'], string> = {
  admin: 'Administrateur du département',
  agent: 'Agent du département (MDS, CDAS, services)',
  centre_manager: 'Responsable d’un centre social (MDS, CDAS)',
  structure_member: 'Membre d’une structure (médiateur, conseiller numérique)',
  partner_agent: 'Agent d’une administration partenaire',
  directory_moderator: 'Équipe annuaire du département (modération)',
};

export const statusLabels: Record<'invited' | 'active' | 'deactivated', { text: string; colour: string }> = {
  invited: { text: 'Invité', colour: 'govuk-tag--yellow' },
  active: { text: 'Actif', colour: 'govuk-tag--green' },
  deactivated: { text: 'Désactivé', colour: 'govuk-tag--grey' },
};

export interface ScopeNames {
  centres: Map<string, string>;
  structures: Map<string, string>;
  epcis: Map<string, string>;
  communes: Map<string, string>;
}

/** « CDAS de Vitré · communes : Vitré, Étrelles » — or « tout le département ». */
export function describeScope(g: Pick<RoleScope, 'socialCentreId' | 'structureId' | 'communeCodes' | 'epciCodes'>, names: ScopeNames): string {
  const parts: string[] = [];
  if (g.socialCentreId) parts.push(names.centres.get(g.socialCentreId) ?? 'centre inconnu');
  if (g.structureId) parts.push(names.structures.get(g.structureId) ?? 'structure inconnue');
  if (g.epciCodes.length) parts.push(`EPCI : ${g.epciCodes.map((c) => names.epcis.get(c) ?? c).join(', ')}`);
  if (g.communeCodes.length) parts.push(`communes : ${g.communeCodes.map((c) => names.communes.get(c) ?? c).join(', ')}`);
  if (!g.socialCentreId && !g.epciCodes.length && !g.communeCodes.length) parts.push('tout le département');
  return parts.join(' · ');
}
