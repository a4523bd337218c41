import type { STRUCTURE_KINDS } from '../db/directory.table.ts';

/** How a resident names each kind of structure. */
export const STRUCTURE_KIND_LABELS: Readonly<Record<(typeof STRUCTURE_KINDS)[number], string>> = {
  association: 'Association',
  ccas: 'Centre communal d’action sociale (CCAS)',
  france_services: 'France Services',
  mediatheque: 'Médiathèque',
  tiers_lieu: 'Tiers-lieu',
  centre_social: 'Centre social',
  epn: 'Espace public numérique',
  mds_cdas: 'Centre social du Département',
  administration: 'Administration',
  commune: 'Mairie',
  autre: 'Autre structure',
};
