// The sub-navigation of the département team's administration area (MOJ Frontend sub navigation), shared by
// the admin pages of several modules (users and journal, social centres, directory, mails).
import type { Principal, RoleScope } from '../http/context.ts';
import { SubNavigation } from './components/index.ts';

type TeamRole = RoleScope['role'];

// Each section with the roles its pages let in (their guards): a person sees only what they may open.
const sections: { href: string; text: string; roles: TeamRole[] }[] = [
  { href: '/admin', text: 'Tableau de bord', roles: ['admin'] },
  { href: '/admin/utilisateurs', text: 'Utilisateurs', roles: ['admin'] },
  { href: '/admin/centres', text: 'Centres sociaux', roles: ['admin'] },
  { href: '/admin/annuaire', text: 'Annuaire', roles: ['admin', 'directory_moderator'] },
  { href: '/admin/journal', text: 'Journal d’audit', roles: ['admin'] },
  { href: '/admin/courriels', text: 'Courriels', roles: ['admin'] },
  { href: '/admin/sms', text: 'SMS', roles: ['admin'] },
];

/**
 * `current` is the section's address; a page inside a section passes the section's address. Pages open to
 * other roles than admin pass the `principal`, and the sections are those of its roles (none shown when
 * only one remains: a navigation of one link is noise).
 */
export function AdminNav({ current, principal }: { current: string; principal?: Principal }) {
  const roles = principal?.kind === 'staff' ? principal.roles.map((r) => r.role) : null;
  const visible = roles ? sections.filter((s) => s.roles.some((r) => roles.includes(r))) : sections;
  if (visible.length < 2) return null;
  return <SubNavigation label="Administration" items={visible.map(({ href, text }) => ({ href, text, active: href === current }))} />;
}
