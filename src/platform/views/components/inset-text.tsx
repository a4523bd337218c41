import type { Child } from 'hono/jsx';
import { attrs, content, cx, type Attributes, type TextOrHtml } from './common.tsx';

export interface InsetTextProps extends TextOrHtml {
  id?: string | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
  children?: Child;
}

/** GOV.UK Frontend `govukInsetText`. */
export function InsetText(props: InsetTextProps) {
  return (
    <div id={props.id || undefined} class={cx('govuk-inset-text', props.classes)} {...attrs(props.attributes)}>
      {props.children ?? content(props)}
    </div>
  );
}
