import type { Child } from 'hono/jsx';
import { attrs, content, cx, truthy, type Attributes, type Html } from './common.tsx';
import { useTexts } from './texts.tsx';

export interface NotificationBannerProps {
  text?: string | undefined;
  html?: Html;
  /** Default « Important », or « Succès » for `type: 'success'`. */
  titleText?: string | undefined;
  titleHtml?: Html;
  titleHeadingLevel?: number | undefined;
  type?: 'success' | undefined;
  role?: string | undefined;
  titleId?: string | undefined;
  disableAutoFocus?: boolean | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
  children?: Child;
}

/** GOV.UK Frontend `govukNotificationBanner`. */
export function NotificationBanner(props: NotificationBannerProps) {
  const texts = useTexts().notificationBanner;
  const success = props.type === 'success';
  // A success banner is an alert (announced at once); otherwise a region, a landmark one can navigate to.
  const role = props.role || (success ? 'alert' : 'region');
  const titleId = props.titleId || 'govuk-notification-banner-title';
  const level = props.titleHeadingLevel || 2;
  const Heading = `h${level}` as 'h2';
  const hasChildren = props.children !== undefined && props.children !== null;
  return (
    <div
      class={cx('govuk-notification-banner', success && `govuk-notification-banner--${props.type}`, props.classes)}
      role={role}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
      data-disable-auto-focus={props.disableAutoFocus === undefined ? undefined : String(props.disableAutoFocus)}
      {...attrs(props.attributes)}
    >
      <div class="govuk-notification-banner__header">
        <Heading class="govuk-notification-banner__title" id={titleId}>
          {content({ html: props.titleHtml, text: props.titleText }, success ? texts.success : texts.important)}
        </Heading>
      </div>
      <div class="govuk-notification-banner__content">
        {hasChildren ? props.children : truthy(props.html) ? content({ html: props.html }) : truthy(props.text) ? <p class="govuk-notification-banner__heading">{props.text}</p> : null}
      </div>
    </div>
  );
}
