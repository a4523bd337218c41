// The sub-navigation of the département team's administration area (MOJ Frontend sub navigation), shared by
// the admin pages of several modules (users and journal, social centres, mails).
import { SubNavigation } from './components/index.ts';

const sections = [
  { href: '/admin', text: 'Tableau de bord' },
  { href: '/admin/utilisateurs', text: 'Utilisateurs' },
  { href: '/admin/centres', text: 'Centres sociaux' },
  { href: '/admin/journal', text: 'Journal d’audit' },
  { href: '/admin/courriels', text: 'Courriels' },
];

/** `current` is the section's address; a page inside a section passes the section's address. */
export function AdminNav({ current }: { current: string }) {
  return <SubNavigation label="Administration" items={sections.map((s) => ({ ...s, active: s.href === current }))} />;
}
