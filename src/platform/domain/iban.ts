// IBAN (bank account numbers for subsidies): country code, two check digits, then the national part; valid when
// the number, rearranged and read with letters as 10–35, leaves 1 modulo 97 (ISO 13616). The length per country
// is checked for the countries people here give; other countries get the general 15–34 bound.

const LENGTHS: Readonly<Record<string, number>> = {
  FR: 27, // including Monaco's and the overseas départements' accounts
  MC: 27,
  DE: 22,
  BE: 16,
  ES: 24,
  IT: 27,
  LU: 20,
  NL: 18,
  PT: 25,
  CH: 21,
  GB: 22,
};

/** The IBAN as typed, without spaces, in capitals (« FR76 3000 6000 0112 3456 7890 189 »). */
export function compactIban(input: string): string {
  return input.replace(/[\s\u00a0\u202f-]/gu, '').toUpperCase();
}

function mod97(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i += 7) rest = Number(String(rest) + digits.slice(i, i + 7)) % 97;
  return rest;
}

export type IbanCheck = { ok: true; iban: string } | { ok: false; message: string };

export function checkIban(input: string): IbanCheck {
  const iban = compactIban(input);
  if (!iban) return { ok: false, message: 'Saisissez l’IBAN du compte' };
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/u.test(iban)) {
    return { ok: false, message: 'L’IBAN commence par deux lettres (FR en France) et deux chiffres, puis des chiffres et des lettres' };
  }
  const expected = LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined ? iban.length !== expected : iban.length < 15 || iban.length > 34) {
    return { ok: false, message: expected ? `Un IBAN ${iban.slice(0, 2)} comporte ${expected} caractères (vous en avez saisi ${iban.length})` : 'Cet IBAN n’a pas la bonne longueur' };
  }
  const rearranged = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/gu, (ch) => String(ch.charCodeAt(0) - 55));
  if (mod97(rearranged) !== 1) return { ok: false, message: 'Cet IBAN n’existe pas : vérifiez chaque caractère' };
  return { ok: true, iban };
}

/** « FR76 3000 6000 0112 3456 7890 189 »: groups of four, as bank documents print it. */
export function formatIban(iban: string): string {
  return compactIban(iban).replace(/(.{4})/gu, '$1 ').trim();
}
