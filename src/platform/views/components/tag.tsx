import { attrs, content, cx, type Attributes, type TextOrHtml } from './common.tsx';

export interface TagProps extends TextOrHtml {
  /** Colour, e.g. `govuk-tag--green`. */
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

/** GOV.UK Frontend `govukTag`. */
export function Tag(props: TagProps) {
  return (
    <strong class={cx('govuk-tag', props.classes)} {...attrs(props.attributes)}>
      {content(props)}
    </strong>
  );
}
