// French phone numbers as people write them (« 02 99 12 34 56 », « +33 (0)2 99 12 34 56 », « 0299123456 »)
// turned into E.164 (« +33299123456 »), the only form schema v1.0.2 accepts. Numbers of the overseas
// départements written in the national form get their own country code, as E.164 wants.

// Country codes the schema allows, with the number of digits after them.
const COUNTRY_CODES: ReadonlyArray<readonly [code: string, minDigits: number, maxDigits: number]> = [
  ['33', 9, 9], // metropolitan France
  ['590', 9, 9], // Guadeloupe, Saint-Martin, Saint-Barthélemy
  ['594', 9, 9], // Guyane
  ['262', 9, 9], // La Réunion, Mayotte
  ['596', 9, 9], // Martinique
  ['269', 9, 9], // Mayotte (former code)
  ['687', 6, 6], // Nouvelle-Calédonie
  ['689', 8, 8], // Polynésie française
  ['508', 6, 6], // Saint-Pierre-et-Miquelon
  ['681', 6, 6], // Wallis-et-Futuna
];

// National prefixes (after the leading 0) of the overseas départements, fixed and mobile lines.
const OVERSEAS_PREFIXES: ReadonlyArray<readonly [prefix: RegExp, code: string]> = [
  [/^(590|690|691)/u, '590'],
  [/^(594|694)/u, '594'],
  [/^(262|263|269|639|692|693)/u, '262'],
  [/^(596|696|697)/u, '596'],
];

/** The E.164 form of a French phone number, or null when it cannot be a French number. */
export function normalisePhone(input: string): string | null {
  // Spaces (including non-breaking ones), dots, dashes, slashes and parentheses are only layout;
  // « (0) » after the country code is a written habit, not a digit to dial.
  let s = input.trim().replace(/\(0\)/gu, '');
  s = s.replace(/[\s.\-/()\u00a0\u202f]/gu, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  if (s.startsWith('+')) {
    const digits = s.slice(1);
    if (!/^\d+$/u.test(digits)) return null;
    for (const [code, min, max] of COUNTRY_CODES) {
      if (!digits.startsWith(code)) continue;
      let rest = digits.slice(code.length);
      // « +33 0 2 99… » keeps the trunk zero by mistake; E.164 drops it.
      if (rest.length === max + 1 && rest.startsWith('0')) rest = rest.slice(1);
      if (rest.length < min || rest.length > max || rest.startsWith('0')) return null;
      return `+${code}${rest}`;
    }
    return null;
  }
  if (!/^0[1-9]\d{8}$/u.test(s)) return null;
  const national = s.slice(1);
  for (const [prefix, code] of OVERSEAS_PREFIXES) {
    if (prefix.test(national)) return `+${code}${national}`;
  }
  return `+33${national}`;
}
