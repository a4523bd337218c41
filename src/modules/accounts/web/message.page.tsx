import type { Child } from 'hono/jsx';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';

/** A page that only tells something (link sent, link expired, signed out…), with an optional way on. */
export function MessagePage(props: { ctx: PageContext; title: string; children?: Child; link?: { href: string; text: string } }) {
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{props.title}</h1>
          {props.children}
          {props.link ? (
            <p class="govuk-body">
              <a class="govuk-link" href={props.link.href}>
                {props.link.text}
              </a>
            </p>
          ) : null}
        </div>
      </div>
    </Layout>
  );
}
