import { attrs, content, cx, hasContent, type Attributes, type TextOrHtml } from './common.tsx';

export interface LabelProps extends TextOrHtml {
  for?: string | undefined;
  isPageHeading?: boolean | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

/** GOV.UK Frontend `govukLabel`. */
export function Label(props: LabelProps) {
  if (!hasContent(props)) return null;
  const label = (
    <label class={cx('govuk-label', props.classes)} {...attrs(props.attributes)} for={props.for || undefined}>
      {content(props)}
    </label>
  );
  return props.isPageHeading ? <h1 class="govuk-label-wrapper">{label}</h1> : label;
}
