import { attrs, content, cx, type Attributes, type TextOrHtml } from './common.tsx';

export interface HintProps extends TextOrHtml {
  id?: string | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

/** GOV.UK Frontend `govukHint`. */
export function Hint(props: HintProps) {
  return (
    <div id={props.id || undefined} class={cx('govuk-hint', props.classes)} {...attrs(props.attributes)}>
      {content(props)}
    </div>
  );
}
