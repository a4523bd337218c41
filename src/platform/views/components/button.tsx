import type { Child } from 'hono/jsx';
import { attrs, content, cx, truthy, type Attributes, type Html } from './common.tsx';

export interface ButtonProps {
  element?: 'button' | 'a' | 'input' | undefined;
  text?: string | undefined;
  html?: Html;
  name?: string | undefined;
  type?: 'submit' | 'button' | 'reset' | undefined;
  value?: string | undefined;
  disabled?: boolean | undefined;
  href?: string | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
  preventDoubleClick?: boolean | undefined;
  isStartButton?: boolean | undefined;
  id?: string | undefined;
  /** Content as JSX; same as `html`. */
  children?: Child;
}

const startIcon = (
  <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
    <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
  </svg>
);

/** GOV.UK Frontend `govukButton`: a <button>, or a link styled as a button when `href` is given. */
export function Button(props: ButtonProps) {
  const html = props.children ?? props.html;
  const common = {
    class: cx('govuk-button', props.classes, props.isStartButton && 'govuk-button--start'),
    'data-module': 'govuk-button',
    ...attrs(props.attributes),
    id: props.id || undefined,
  };
  const text = truthy(html) && props.isStartButton ? <span>{content({ html })}</span> : content({ html, text: props.text });
  if (props.href) {
    return (
      <a href={props.href} role="button" draggable="false" {...common}>
        {text}
        {props.isStartButton ? startIcon : null}
      </a>
    );
  }
  return (
    <button
      type={props.type || 'submit'}
      value={props.value || undefined}
      name={props.name || undefined}
      disabled={props.disabled || undefined}
      aria-disabled={props.disabled ? 'true' : undefined}
      data-prevent-double-click={props.preventDoubleClick === undefined ? undefined : String(props.preventDoubleClick)}
      {...common}
    >
      {text}
      {props.isStartButton ? startIcon : null}
    </button>
  );
}
