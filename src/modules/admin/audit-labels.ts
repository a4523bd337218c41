import type { AuditAction } from '../../platform/audit/record.ts';

// What each journal event means, for the people who read the journal. Typed as a complete record: adding an
// action to AuditAction without its French label does not compile.
export const auditActionLabels: Record<AuditAction, string> = {
  'auth.sign_in': 'Connexion',
  'auth.sign_in_failed': 'Échec de connexion',
  'auth.sign_out': 'Déconnexion',
  'auth.locked': 'Compte bloqué après des échecs',
  'auth.mfa_enrolled': 'Double authentification configurée',
  'auth.mfa_failed': 'Code de double authentification refusé',
  'auth.mfa_reset': 'Double authentification réinitialisée',
  'auth.recovery_code_used': 'Code de secours utilisé',
  'auth.password_reset_requested': 'Réinitialisation du mot de passe demandée',
  'auth.password_reset': 'Mot de passe réinitialisé',
  'account.created': 'Compte créé',
  'account.franceconnect_linked': 'Compte lié à FranceConnect',
  'account.invited': 'Invitation envoyée',
  'account.invitation_accepted': 'Invitation acceptée',
  'account.deactivated': 'Compte désactivé',
  'account.reactivated': 'Compte réactivé',
  'role.granted': 'Rôle attribué',
  'role.revoked': 'Rôle retiré',
  'person.viewed': 'Dossier d’une personne consulté',
  'territory.social_centre_created': 'Centre social créé',
  'territory.social_centre_updated': 'Centre social modifié',
  'territory.sectorisation_changed': 'Sectorisation modifiée',
  'audit.viewed': 'Journal consulté',
  'mail.viewed': 'Courriel consulté',
  'system.demo_seeded': 'Données de démonstration créées',
};

/** The families of actions offered as a filter (« auth. » matches every action that starts with it). */
export const auditFamilies: { value: string; text: string }[] = [
  { value: 'auth.', text: 'Connexions et sécurité' },
  { value: 'account.', text: 'Comptes' },
  { value: 'role.', text: 'Rôles' },
  { value: 'person.', text: 'Dossiers de personnes' },
  { value: 'territory.', text: 'Territoire' },
  { value: 'audit.', text: 'Consultations du journal' },
  { value: 'mail.', text: 'Courriels' },
  { value: 'system.', text: 'Système' },
];
