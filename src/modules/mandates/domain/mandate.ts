// A mandate's rules, pure: its domains (the administrative domains of Aidants Connect), its durations, the text
// read to the person (versioned: a mandate keeps the version it was given under), its status at a moment, and
// the canonical content its integrity hash is computed from.

import { ADMINISTRATIVE_DOMAINS, isAdministrativeDomain, type AdministrativeDomain } from '../../../platform/domain/administrative-domains.ts';

export const SCOPES = ADMINISTRATIVE_DOMAINS;
export type Scope = AdministrativeDomain;
export const isScope = isAdministrativeDomain;

export const DURATIONS = {
  '1d': '1 jour',
  '1m': '1 mois',
  '6m': '6 mois',
  '1y': '1 an',
} as const;
export type Duration = keyof typeof DURATIONS;
export const isDuration = (v: string): v is Duration => Object.hasOwn(DURATIONS, v);

export const IDENTITY_DOCUMENTS = {
  cni: 'Carte nationale d’identité',
  passeport: 'Passeport',
  titre_sejour: 'Titre de séjour',
  permis: 'Permis de conduire',
} as const;
export type IdentityDocument = keyof typeof IDENTITY_DOCUMENTS;
export const isIdentityDocument = (v: string): v is IdentityDocument => Object.hasOwn(IDENTITY_DOCUMENTS, v);

/** The end of a mandate given at `start`: calendar months, so « 1 mois » from 31 January ends on 28 February. */
export function mandateEnd(start: Date, duration: Duration): Date {
  if (duration === '1d') return new Date(start.getTime() + 86_400_000);
  const months = duration === '1m' ? 1 : duration === '6m' ? 6 : 12;
  const end = new Date(start);
  const day = end.getUTCDate();
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + months);
  const last = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, last));
  return end;
}

export type MandateStatus = 'active' | 'expired' | 'revoked';
export function mandateStatus(m: { endsAt: Date; revokedAt: Date | null }, now: Date): MandateStatus {
  if (m.revokedAt) return 'revoked';
  return now.getTime() < m.endsAt.getTime() ? 'active' : 'expired';
}

export const STATUS_LABELS: Record<MandateStatus, string> = { active: 'Valide', expired: 'Expiré', revoked: 'Révoqué' };

export const CURRENT_TEXT_VERSION = '2026-11';

/** The text read to the person, in plain French, for each version. */
export const MANDATE_TEXTS: Record<string, (v: { owner: string; person: string; scopes: string[]; duration: string }) => string[]> = {
  '2026-11': (v) => [
    `Vous, ${v.person}, autorisez ${v.owner} à faire pour vous des démarches en ligne, à votre place, dans ces domaines : ${v.scopes.join(' ; ')}.`,
    `Ce mandat dure ${v.duration}. Vous pouvez l’arrêter à tout moment, en le demandant à ${v.owner} : il s’arrête tout de suite.`,
    'Seules les personnes habilitées de cette structure peuvent l’utiliser. Chaque utilisation est notée, et vous pouvez demander la liste.',
    'Les aidants ne gardent pas de copie de votre pièce d’identité. Ils notent son type et son numéro, pour montrer qui a donné son accord.',
    'Les aidants ne vous demandent jamais vos mots de passe. Ils ne font rien en dehors des domaines que vous avez choisis.',
  ],
};

/** What the integrity hash covers: everything that makes the mandate, in a fixed order. */
export function canonicalContent(m: { reference: string; ownerId: string; personName: string; personBirthDate: string; scopes: readonly string[]; startsAt: Date; endsAt: Date; textVersion: string }): string {
  return JSON.stringify([m.reference, m.ownerId, m.personName, m.personBirthDate, [...m.scopes].sort(), m.startsAt.toISOString(), m.endsAt.toISOString(), m.textVersion]);
}

/** Accompaniment themes that are mandate domains: « faire à la place » needs them covered. */
export function scopesOfThemes(themes: readonly string[]): Scope[] {
  return themes.filter(isScope);
}
