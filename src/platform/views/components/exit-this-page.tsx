import { attrs, content, cx, hasContent, i18nAttrs, type Attributes, type TextOrHtml } from './common.tsx';
import { Button } from './button.tsx';
import { useTexts } from './texts.tsx';

export interface ExitThisPageProps extends TextOrHtml {
  /** Where the button leads: a neutral page (default: the weather forecast of Météo-France). */
  redirectUrl?: string | undefined;
  id?: string | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
  activatedText?: string | undefined;
  timedOutText?: string | undefined;
  pressTwoMoreTimesText?: string | undefined;
  pressOneMoreTimeText?: string | undefined;
}

/** GOV.UK Frontend `govukExitThisPage` (« Quitter cette page »; pressing Maj three times also leaves). */
export function ExitThisPage(props: ExitThisPageProps) {
  const texts = useTexts().exitThisPage;
  const i18n = texts.i18n;
  const activated = props.activatedText || i18n?.activated;
  const timedOut = props.timedOutText || i18n?.timedOut;
  const twoMore = props.pressTwoMoreTimesText || i18n?.pressTwoMoreTimes;
  const oneMore = props.pressOneMoreTimeText || i18n?.pressOneMoreTime;
  return (
    <div
      id={props.id || undefined}
      class={cx('govuk-exit-this-page', props.classes)}
      data-module="govuk-exit-this-page"
      {...attrs(props.attributes)}
      {...i18nAttrs('activated', activated)}
      {...i18nAttrs('timed-out', timedOut)}
      {...i18nAttrs('press-two-more-times', twoMore)}
      {...i18nAttrs('press-one-more-time', oneMore)}
    >
      <Button
        html={hasContent(props) ? content(props) : texts.html}
        classes="govuk-button--warning govuk-exit-this-page__button govuk-js-exit-this-page-button"
        href={props.redirectUrl || texts.redirectUrl}
        attributes={{ rel: 'nofollow noreferrer' }}
      />
    </div>
  );
}
