// Pieces shared by the form components: option types and the label/hint/error trio.
import type { Child } from 'hono/jsx';
import { content, cx, truthy, type Attributes, type TextOrHtml } from './common.tsx';
import { ErrorMessage, type ErrorMessageProps } from './error-message.tsx';
import { Hint, type HintProps } from './hint.tsx';
import type { LabelProps } from './label.tsx';

export type LabelOptions = Omit<LabelProps, 'for'>;
export type HintOptions = Omit<HintProps, 'id'>;
export type ErrorMessageOptions = Omit<ErrorMessageProps, 'id'>;

export interface FormGroupOptions {
  classes?: string | undefined;
  attributes?: Attributes | undefined;
  beforeInput?: TextOrHtml | undefined;
  afterInput?: TextOrHtml | undefined;
  beforeInputs?: TextOrHtml | undefined;
  afterInputs?: TextOrHtml | undefined;
}

export function formGroupClass(errorMessage: unknown, formGroup: FormGroupOptions | undefined, ...extra: string[]): string {
  return cx('govuk-form-group', truthy(errorMessage) && 'govuk-form-group--error', ...extra, formGroup?.classes);
}

/** The hint then the error message of a field, and the ids to put in aria-describedby, in the library's order. */
export function hintAndError(
  idPrefix: string,
  describedBy: string | undefined,
  hint: HintOptions | false | null | undefined,
  errorMessage: ErrorMessageOptions | false | null | undefined,
): { nodes: Child; describedBy: string | undefined } {
  const list: string[] = describedBy ? [describedBy] : [];
  const nodes: Child[] = [];
  if (hint) {
    const id = `${idPrefix}-hint`;
    list.push(id);
    nodes.push(<Hint id={id} classes={hint.classes} attributes={hint.attributes} html={hint.html} text={hint.text} />);
  }
  if (errorMessage) {
    const id = `${idPrefix}-error`;
    list.push(id);
    nodes.push(
      <ErrorMessage
        id={id}
        classes={errorMessage.classes}
        attributes={errorMessage.attributes}
        html={errorMessage.html}
        text={errorMessage.text}
        visuallyHiddenText={errorMessage.visuallyHiddenText}
      />,
    );
  }
  return { nodes, describedBy: list.length ? list.join(' ') : undefined };
}

/** `beforeInput`/`afterInput` content, when given. */
export function slot(o: TextOrHtml | undefined | null): Child {
  return o ? content(o) : null;
}
