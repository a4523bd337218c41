// How fresh a listing is: its information was last known true on `updated_on`, and should be confirmed every
// `update_frequency_days`. Dates are Paris calendar days (YYYY-MM-DD).

export type Freshness = { kind: 'fresh'; dueOn: string } | { kind: 'stale'; since: string };

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `today` is the Paris calendar day (parisToday(now)). */
export function freshnessOf(updatedOn: string, frequencyDays: number, today: string): Freshness {
  const dueOn = addDays(updatedOn, frequencyDays);
  return today < dueOn ? { kind: 'fresh', dueOn } : { kind: 'stale', since: dueOn };
}

const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** « 3 mars 2026 ». */
export function frenchDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${d === 1 ? '1er' : d} ${months[(m ?? 1) - 1]} ${y}`;
}

/** The frequencies a listing may have, in days, with their French names. */
export const UPDATE_FREQUENCIES: ReadonlyArray<readonly [days: number, label: string]> = [
  [30, 'Tous les mois'],
  [90, 'Tous les trois mois'],
  [180, 'Tous les six mois'],
  [365, 'Tous les ans'],
];
