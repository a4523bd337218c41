import type { Child } from 'hono/jsx';
import { attrs, content, cx, type Attributes, type Html, type TextOrHtml } from './common.tsx';

export interface DetailsProps extends TextOrHtml {
  summaryText?: string | undefined;
  summaryHtml?: Html;
  id?: string | undefined;
  open?: boolean | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
  children?: Child;
}

/** GOV.UK Frontend `govukDetails`. */
export function Details(props: DetailsProps) {
  return (
    <details id={props.id || undefined} class={cx('govuk-details', props.classes)} {...attrs(props.attributes)} open={props.open || undefined}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">{content({ html: props.summaryHtml, text: props.summaryText })}</span>
      </summary>
      <div class="govuk-details__text">{props.children ?? content(props)}</div>
    </details>
  );
}
