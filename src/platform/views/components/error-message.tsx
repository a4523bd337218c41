import { attrs, content, cx, type Attributes, type TextOrHtml } from './common.tsx';
import { useTexts } from './texts.tsx';

export interface ErrorMessageProps extends TextOrHtml {
  id?: string | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
  /** Read before the message by screen readers; default « Erreur ». Pass '' (or false) for none. */
  visuallyHiddenText?: string | false | undefined;
}

/** GOV.UK Frontend `govukErrorMessage`. */
export function ErrorMessage(props: ErrorMessageProps) {
  const texts = useTexts();
  const hidden = props.visuallyHiddenText === undefined || props.visuallyHiddenText === null ? texts.errorMessageVisuallyHidden : props.visuallyHiddenText;
  return (
    <p id={props.id || undefined} class={cx('govuk-error-message', props.classes)} {...attrs(props.attributes)}>
      {hidden ? (
        <>
          <span class="govuk-visually-hidden">{hidden}:</span> {content(props)}
        </>
      ) : (
        content(props)
      )}
    </p>
  );
}
