// How old a listing is, in words a resident reads: « Mis à jour le 3 mars 2026 », and whether it is older than
// the frequency its editors promised (then the page warns that the information may have changed).

const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** « 3 mars 2026 », « 1er juin 2026 » from YYYY-MM-DD. */
export function frenchDate(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  if (!y || !m || !d) return isoDay;
  return `${d === 1 ? '1er' : d} ${months[m - 1]} ${y}`;
}

function dayNumber(isoDay: string): number {
  return Math.round(Date.parse(`${isoDay}T00:00:00Z`) / 86_400_000);
}

/** True when more than `frequencyDays` days have passed since `updatedOn` (both Paris calendar days). */
export function isStale(updatedOn: string, frequencyDays: number, today: string): boolean {
  return dayNumber(today) - dayNumber(updatedOn) > frequencyDays;
}

/** « 6 mois », « 1 an », « 2 ans », « 45 jours »: a frequency as people say it. */
export function durationText(days: number): string {
  if (days >= 365 && days % 365 === 0) return days === 365 ? '1 an' : `${days / 365} ans`;
  if (days >= 28) {
    const m = Math.round(days / 30.4);
    return m === 12 ? '1 an' : `${m} mois`;
  }
  return days === 1 ? '1 jour' : `${days} jours`;
}

export type Freshness = { kind: 'fresh'; dueOn: string } | { kind: 'stale'; since: string };

function addDays(isoDay: string, days: number): string {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * For the editors (« Ma structure »): « à jour » until `updatedOn` + frequency, then « à vérifier depuis le … »
 * that day. Same threshold as `isStale`.
 */
export function freshnessOf(updatedOn: string, frequencyDays: number, today: string): Freshness {
  const dueOn = addDays(updatedOn, frequencyDays);
  return isStale(updatedOn, frequencyDays, today) ? { kind: 'stale', since: dueOn } : { kind: 'fresh', dueOn };
}

/** The frequencies an editor may choose for a listing, in days, with their French names. */
export const UPDATE_FREQUENCIES: ReadonlyArray<readonly [days: number, label: string]> = [
  [30, 'Tous les mois'],
  [90, 'Tous les trois mois'],
  [180, 'Tous les six mois'],
  [365, 'Tous les ans'],
];
