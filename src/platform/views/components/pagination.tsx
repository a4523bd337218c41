import type { Child } from 'hono/jsx';
import { attrs, content, cx, truthy, type Attributes, type TextOrHtml } from './common.tsx';
import { useTexts } from './texts.tsx';

export interface PaginationItem {
  number?: string | number | undefined;
  visuallyHiddenText?: string | undefined;
  href?: string | undefined;
  current?: boolean | undefined;
  ellipsis?: boolean | undefined;
  attributes?: Attributes | undefined;
}

export interface PaginationLink extends TextOrHtml {
  href?: string | undefined;
  labelText?: string | undefined;
  attributes?: Attributes | undefined;
}

export interface PaginationProps {
  items?: (PaginationItem | null | undefined)[] | undefined;
  previous?: PaginationLink | undefined;
  next?: PaginationLink | undefined;
  landmarkLabel?: string | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

const arrowPrevious = (
  <svg class="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
    <path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path>
  </svg>
);

const arrowNext = (
  <svg class="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
    <path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path>
  </svg>
);

function ArrowLink({ link, type, blockLevel, children }: { link: PaginationLink; type: 'prev' | 'next'; blockLevel: boolean; children: Child }) {
  const arrow = type === 'prev' ? arrowPrevious : arrowNext;
  return (
    <div class={`govuk-pagination__${type}`}>
      <a class="govuk-link govuk-pagination__link" href={link.href} rel={type} {...attrs(link.attributes)}>
        {blockLevel || type === 'prev' ? arrow : null}
        <span class={cx('govuk-pagination__link-title', blockLevel && !link.labelText && 'govuk-pagination__link-title--decorated')}>{children}</span>
        {link.labelText && blockLevel ? (
          <>
            {' '}
            <span class="govuk-visually-hidden">:</span> <span class="govuk-pagination__link-label">{link.labelText}</span>
          </>
        ) : null}
        {!blockLevel && type === 'next' ? arrow : null}
      </a>
    </div>
  );
}

/** GOV.UK Frontend `govukPagination` (« Précédent » / « Suivant » by default). */
export function Pagination(props: PaginationProps) {
  const texts = useTexts().pagination;
  const blockLevel = !props.items && !!(props.next || props.previous);
  const { previous, next } = props;
  return (
    <nav
      class={cx('govuk-pagination', blockLevel && 'govuk-pagination--block', props.classes)}
      aria-label={props.landmarkLabel || texts.label}
      {...attrs(props.attributes)}
    >
      {previous && previous.href ? (
        <ArrowLink link={previous} type="prev" blockLevel={blockLevel}>
          {content(previous, texts.previous)}
        </ArrowLink>
      ) : null}
      {props.items ? (
        <ul class="govuk-pagination__list">
          {props.items.map((item) =>
            item && Object.keys(item).length > 0 ? (
              <li class={cx('govuk-pagination__item', item.current && 'govuk-pagination__item--current', item.ellipsis && 'govuk-pagination__item--ellipsis')}>
                {item.ellipsis ? (
                  '⋯'
                ) : (
                  <a
                    class="govuk-link govuk-pagination__link"
                    href={item.href}
                    aria-label={item.visuallyHiddenText ?? texts.page(item.number ?? '')}
                    aria-current={item.current ? 'page' : undefined}
                    {...attrs(item.attributes)}
                  >
                    {truthy(item.number) || item.number === 0 ? String(item.number) : ''}
                  </a>
                )}
              </li>
            ) : null,
          )}
        </ul>
      ) : null}
      {next && next.href ? (
        <ArrowLink link={next} type="next" blockLevel={blockLevel}>
          {content(next, texts.next)}
        </ArrowLink>
      ) : null}
    </nav>
  );
}
