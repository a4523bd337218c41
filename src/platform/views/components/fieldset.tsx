import type { Child } from 'hono/jsx';
import { attrs, content, cx, hasContent, type Attributes, type Html, type TextOrHtml } from './common.tsx';

export interface LegendOptions extends TextOrHtml {
  classes?: string | undefined;
  isPageHeading?: boolean | undefined;
}

export interface FieldsetProps {
  describedBy?: string | undefined;
  legend?: LegendOptions | undefined;
  classes?: string | undefined;
  role?: string | undefined;
  attributes?: Attributes | undefined;
  /** The fieldset's content, when not given as children. */
  html?: Html;
  children?: Child;
}

/** GOV.UK Frontend `govukFieldset`. */
export function Fieldset(props: FieldsetProps) {
  const legend = props.legend;
  const hasChildren = props.children !== undefined && props.children !== null && !(Array.isArray(props.children) && props.children.length === 0);
  return (
    <fieldset
      class={cx('govuk-fieldset', props.classes)}
      role={props.role || undefined}
      aria-describedby={props.describedBy || undefined}
      {...attrs(props.attributes)}
    >
      {legend && hasContent(legend) ? (
        <legend class={cx('govuk-fieldset__legend', legend.classes)}>
          {legend.isPageHeading ? <h1 class="govuk-fieldset__heading">{content(legend)}</h1> : content(legend)}
        </legend>
      ) : null}
      {hasChildren ? props.children : content({ html: props.html })}
    </fieldset>
  );
}
