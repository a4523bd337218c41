import type { Child } from 'hono/jsx';
import { attrs, content, cx, truthy, type Attributes, type Html, type TextOrHtml } from './common.tsx';
import { useTexts } from './texts.tsx';

export interface ErrorSummaryItem extends TextOrHtml {
  /** `#` + the id of the field in error (for an Input, its id; for Radios/Checkboxes, the first item's id). */
  href?: string | undefined;
  attributes?: Attributes | undefined;
}

export interface ErrorSummaryProps {
  /** Default « Il y a un problème ». */
  titleText?: string | undefined;
  titleHtml?: Html;
  descriptionText?: string | undefined;
  descriptionHtml?: Html;
  errorList?: ErrorSummaryItem[] | undefined;
  disableAutoFocus?: boolean | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
  /** Description as JSX (the macro's `caller`). */
  children?: Child;
}

/** GOV.UK Frontend `govukErrorSummary`. Put it first in <main>, before the h1; the page title starts with « Erreur : ». */
export function ErrorSummary(props: ErrorSummaryProps) {
  const texts = useTexts();
  const hasChildren = props.children !== undefined && props.children !== null;
  const description = hasChildren ? props.children : content({ html: props.descriptionHtml, text: props.descriptionText });
  const list = props.errorList ?? [];
  return (
    <div
      class={cx('govuk-error-summary', props.classes)}
      data-disable-auto-focus={props.disableAutoFocus === undefined ? undefined : String(props.disableAutoFocus)}
      {...attrs(props.attributes)}
      data-module="govuk-error-summary"
    >
      <div role="alert">
        <h2 class="govuk-error-summary__title">{content({ html: props.titleHtml, text: props.titleText }, texts.errorSummaryTitle)}</h2>
        <div class="govuk-error-summary__body">
          {hasChildren || truthy(props.descriptionHtml) || truthy(props.descriptionText) ? <p>{description}</p> : null}
          {list.length ? (
            <ul class="govuk-list govuk-error-summary__list">
              {list.map((item) => (
                <li>
                  {item.href ? (
                    <a href={item.href} {...attrs(item.attributes)}>
                      {content(item)}
                    </a>
                  ) : (
                    content(item)
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </div>
  );
}
