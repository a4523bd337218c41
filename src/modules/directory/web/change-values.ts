// A stored value of a listing as a person reads it: lists as lists, hours described in French, yes/no,
// durations, enumerations in words; never a raw array or multirange.
import { describeOpeningHours } from '../../../platform/time/opening-hours.ts';
import { FIELD_LABELS } from './listing-history.tsx';

/** The French name of a field of a listing. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

export const ENUM_LABELS: Record<string, Record<string, string>> = {
  status: { published: 'Publiée', hidden: 'Masquée' },
  zoneKind: { commune: 'Communes', epci: 'Intercommunalités', departement: 'Départements', pays: 'Toute la France' },
  kind: {
    association: 'Association',
    ccas: 'CCAS',
    france_services: 'France Services',
    mediatheque: 'Médiathèque',
    tiers_lieu: 'Tiers-lieu',
    centre_social: 'Centre social',
    epn: 'Espace public numérique',
    mds_cdas: 'MDS ou CDAS',
    administration: 'Administration',
    commune: 'Commune',
    autre: 'Autre',
  },
};

const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** `{[540,720),[7800,7920)}` (minutes of the week) → « lundi 09:00–12:00 », … ; null when it is not one. */
export function describeWeekMultirange(text: string): string[] | null {
  if (!/^\{(\s*\[\d+,\d+\)\s*,?)*\}$/.test(text)) return null;
  return [...text.matchAll(/\[(\d+),(\d+)\)/g)].map(([, a, b]) => {
    const from = Number(a);
    const dayStart = Math.floor(from / 1440) * 1440;
    return `${DAYS[from / 1440 >= 7 ? 6 : Math.floor(from / 1440)]} ${hhmm(from - dayStart)}–${hhmm(Number(b) - dayStart)}`;
  });
}

/**
 * A stored value as lines of text to show. Empty values give no lines (the page writes « (vide) »).
 * Lists give one line per item; hours are described in French.
 */
export function displayValue(field: string, value: unknown): string[] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.flatMap((v) => displayValue(field, v));
  if (typeof value === 'boolean') return [value ? 'Oui' : 'Non'];
  if (typeof value === 'number') {
    if (field === 'updateFrequencyDays') return [frequencyText(value)];
    return [value.toLocaleString('fr-FR', { maximumFractionDigits: 6 })];
  }
  if (typeof value === 'string') {
    const labels = ENUM_LABELS[field];
    if (labels?.[value]) return [labels[value]];
    if (field === 'openingHours') {
      const described = describeOpeningHours(value);
      return described ?? [value];
    }
    const week = describeWeekMultirange(value);
    if (week) return week;
    return [value];
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k} : ${displayValue(k, v).join(', ') || '(vide)'}`);
  }
  return [String(value)];
}

export function frequencyText(days: number): string {
  if (days % 365 === 0) return days === 365 ? 'Tous les ans' : `Tous les ${days / 365} ans`;
  if (days % 30 === 0) return days === 30 ? 'Tous les mois' : `Tous les ${days / 30} mois`;
  return `Tous les ${days} jours`;
}

