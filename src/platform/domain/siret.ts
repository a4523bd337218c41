// SIRET numbers (INSEE's identifier of an establishment): 14 digits whose Luhn checksum is right, except La
// Poste's establishments (SIREN 356 000 000), too many to fit the Luhn scheme, whose digits sum to a multiple
// of 5 instead (INSEE's documented exception).

const LA_POSTE_SIREN = '356000000';

/** The SIRET as typed, without the spaces people put in (« 130 025 265 00013 »). */
export function compactSiret(input: string): string {
  return input.replace(/[\s\u00a0\u202f.]/gu, '');
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // From the right, every second digit is doubled.
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export type SiretCheck = { ok: true; siret: string } | { ok: false; message: string };

/** Checks the format of a SIRET, with a French message a person can act on. */
export function checkSiret(input: string): SiretCheck {
  const siret = compactSiret(input);
  if (!siret) return { ok: false, message: 'Saisissez le numéro SIRET de la structure' };
  if (!/^\d+$/u.test(siret)) return { ok: false, message: 'Le numéro SIRET ne doit contenir que des chiffres' };
  if (siret.length !== 14) {
    return { ok: false, message: `Le numéro SIRET doit comporter 14 chiffres (vous en avez saisi ${siret.length})` };
  }
  const valid = siret.startsWith(LA_POSTE_SIREN)
    ? [...siret].reduce((s, d) => s + Number(d), 0) % 5 === 0
    : luhnValid(siret);
  if (!valid) return { ok: false, message: 'Ce numéro SIRET n’existe pas : vérifiez les 14 chiffres' };
  return { ok: true, siret };
}

/** RNA number of an association (« W » and 9 digits). */
export function isValidRna(input: string): boolean {
  return /^W\d{9}$/u.test(input.trim().toUpperCase());
}
