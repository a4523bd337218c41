// Password rules (ANSSI / NIST SP 800-63B style): length over complexity, no well-known password,
// nothing derived from the e-mail address. Messages are shown next to the field, in French.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

// The most common passwords of 12 characters or more in public leak lists, plus French favourites.
// Compared after lower-casing and removing spaces, so « Azerty123456 » is refused too.
const common = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789123',
  '111111111111',
  '000000000000',
  '123123123123',
  'azertyuiopqs',
  'azertyuiop12',
  'azertyuiop123',
  'azerty123456',
  'azertyazerty',
  'qwertyuiop12',
  'qwertyuiop123',
  'qwerty123456',
  'qwertyqwerty',
  'motdepasse12',
  'motdepasse123',
  'motdepasse1234',
  'motdepassemotdepasse',
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'iloveyou1234',
  'jetaime123456',
  'soleil123456',
  'bonjour123456',
  'doudou123456',
  'chocolat1234',
  'marseille1313',
  'rennes123456',
  'football1234',
  'princesse123',
  'administrateur',
  'administrator',
  'changeme1234',
  'welcome12345',
  'letmein12345',
  'abcdefghijkl',
  'abc123456789',
  'aaaaaaaaaaaa',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'trustno1trustno1',
  'relais123456',
]);

export type PasswordProblem = 'empty' | 'too_short' | 'too_long' | 'too_common' | 'contains_email';

export const passwordMessages: Record<PasswordProblem, string> = {
  empty: 'Saisissez un mot de passe',
  too_short: `Le mot de passe doit contenir au moins ${MIN_PASSWORD_LENGTH} caractères`,
  too_long: `Le mot de passe doit contenir au plus ${MAX_PASSWORD_LENGTH} caractères`,
  too_common: 'Ce mot de passe est trop courant : choisissez-en un autre, par exemple une phrase de plusieurs mots',
  contains_email: 'Le mot de passe ne doit pas contenir votre adresse e-mail',
};

export function checkPassword(password: string, email: string): PasswordProblem | null {
  if (password.length === 0) return 'empty';
  // Counted in code points, so accented letters and emoji count as one character each.
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (length > MAX_PASSWORD_LENGTH) return 'too_long';
  const folded = password.toLowerCase().replace(/\s+/g, '');
  if (common.has(folded)) return 'too_common';
  // Neither the whole address nor its local part (when long enough to be meaningful).
  const address = email.trim().toLowerCase();
  const local = address.split('@')[0] ?? '';
  if (address && folded.includes(address)) return 'contains_email';
  if (local.length >= 4 && folded.includes(local)) return 'contains_email';
  return null;
}
