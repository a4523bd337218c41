import { attrs, content, cx, type Attributes, type TextOrHtml } from './common.tsx';
import { useTexts } from './texts.tsx';

export interface WarningTextProps extends TextOrHtml {
  /** Read by screen readers in place of the « ! » icon; default « Attention ». */
  iconFallbackText?: string | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

/** GOV.UK Frontend `govukWarningText`. */
export function WarningText(props: WarningTextProps) {
  const texts = useTexts();
  return (
    <div class={cx('govuk-warning-text', props.classes)} {...attrs(props.attributes)}>
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>{' '}
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">{props.iconFallbackText || texts.warningTextIconFallback}</span> {content(props)}
      </strong>
    </div>
  );
}
