// The admin area's sub-navigation: MOJ Frontend « sub navigation », reproducing its template.njk
// (MOJ Frontend ships no fixtures; admin.test.ts checks the rendered structure).
const sections = [
  { href: '/admin', text: 'Tableau de bord' },
  { href: '/admin/utilisateurs', text: 'Utilisateurs' },
  { href: '/admin/centres', text: 'Centres sociaux' },
  { href: '/admin/journal', text: 'Journal d’audit' },
  { href: '/admin/courriels', text: 'Courriels' },
];

export function AdminNav({ current }: { current: string }) {
  return (
    <nav class="moj-sub-navigation" aria-label="Administration">
      <ul class="moj-sub-navigation__list">
        {sections.map((s) => (
          <li class="moj-sub-navigation__item">
            <a class="moj-sub-navigation__link" aria-current={s.href === current ? 'page' : undefined} href={s.href}>
              {s.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
