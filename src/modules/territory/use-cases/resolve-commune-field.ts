// Turns what a commune field sent (the typed text, and the INSEE code the autocomplete or a radio chose)
// into one commune. Without JavaScript, the server does the matching: one clear match is taken, several
// make the form ask which one.
import type { Queryable } from '../../../platform/db/client.ts';
import { parseCommuneQuery, toSearchName } from '../domain/search-name.ts';
import { getCommune, searchCommunes, type CommuneSummary } from './search-communes.ts';

export interface CommuneFieldInput {
  text: string;
  insee: string | null;
}

export type CommuneFieldResolution =
  | { kind: 'empty' }
  | { kind: 'found'; commune: CommuneSummary }
  | { kind: 'not_found'; message: string }
  | { kind: 'ambiguous'; candidates: CommuneSummary[]; message: string };

/** Does the commune still match the text? A stale hidden code (the text was changed by hand) must not win. */
function stillMatches(commune: CommuneSummary, text: string): boolean {
  const parsed = parseCommuneQuery(text);
  if (!parsed) return true;
  const name = toSearchName(commune.name);
  const nameOk = parsed.names.length === 0 || parsed.names.some((n) => name === n || name.startsWith(n) || name.includes(` ${n}`));
  const postcodeOk = !parsed.postcode || commune.postcodes.some((p) => p.startsWith(parsed.postcode!));
  return nameOk && postcodeOk;
}

export async function resolveCommuneField(
  q: Queryable,
  input: CommuneFieldInput,
  opts: { departement?: string } = {},
): Promise<CommuneFieldResolution> {
  const text = input.text.trim();
  if (input.insee && /^[0-9][0-9AB][0-9]{3}$/.test(input.insee)) {
    const chosen = await getCommune(q, input.insee);
    if (chosen && (!opts.departement || chosen.departementCode === opts.departement) && stillMatches(chosen, text)) {
      return { kind: 'found', commune: chosen };
    }
  }
  if (!text) return { kind: 'empty' };
  const results = await searchCommunes(q, text, { ...(opts.departement ? { departement: opts.departement } : {}), limit: 10 });
  if (results.length === 0) {
    return { kind: 'not_found', message: `Aucune commune ne correspond à « ${text} ». Vérifiez l’orthographe ou saisissez le code postal.` };
  }
  if (results.length === 1) return { kind: 'found', commune: results[0]! };
  const parsed = parseCommuneQuery(text)!;
  const exact = results.filter(
    (c) =>
      parsed.names.includes(toSearchName(c.name)) && (!parsed.postcode || c.postcodes.some((p) => p.startsWith(parsed.postcode!))),
  );
  if (exact.length === 1) return { kind: 'found', commune: exact[0]! };
  return { kind: 'ambiguous', candidates: results, message: `Plusieurs communes correspondent à « ${text} » : choisissez la vôtre.` };
}
