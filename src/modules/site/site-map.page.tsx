import { Layout, type PageContext } from '../../platform/views/layout.tsx';
import { sitePages } from './site-map.ts';

export function SiteMapPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Plan du site">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-xl">Plan du site</h1>
          <ul class="govuk-list">
            {sitePages.map((page) => (
              <li>
                <a class="govuk-link" href={page.href}>
                  {page.title}
                </a>
                <p class="govuk-body-s govuk-!-margin-bottom-4">{page.description}</p>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </Layout>
  );
}
