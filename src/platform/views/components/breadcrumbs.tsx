import { attrs, content, cx, type Attributes, type TextOrHtml } from './common.tsx';
import { useTexts } from './texts.tsx';

export interface BreadcrumbsItem extends TextOrHtml {
  href?: string | undefined;
  attributes?: Attributes | undefined;
}

export interface BreadcrumbsProps {
  items: BreadcrumbsItem[];
  classes?: string | undefined;
  collapseOnMobile?: boolean | undefined;
  attributes?: Attributes | undefined;
  /** Default « Fil d’Ariane ». */
  labelText?: string | undefined;
}

/** GOV.UK Frontend `govukBreadcrumbs`. An item without `href` is the current page. */
export function Breadcrumbs(props: BreadcrumbsProps) {
  const texts = useTexts();
  return (
    <nav
      class={cx('govuk-breadcrumbs', props.classes, props.collapseOnMobile && 'govuk-breadcrumbs--collapse-on-mobile')}
      {...attrs(props.attributes)}
      aria-label={props.labelText ?? texts.breadcrumbsLabel}
    >
      <ol class="govuk-breadcrumbs__list">
        {props.items.map((item) =>
          item.href ? (
            <li class="govuk-breadcrumbs__list-item">
              <a class="govuk-breadcrumbs__link" href={item.href} {...attrs(item.attributes)}>
                {content(item)}
              </a>
            </li>
          ) : (
            <li class="govuk-breadcrumbs__list-item" aria-current="page">
              {content(item)}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
