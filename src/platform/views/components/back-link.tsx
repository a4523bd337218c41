import { attrs, content, cx, type Attributes, type TextOrHtml } from './common.tsx';
import { useTexts } from './texts.tsx';

export interface BackLinkProps extends TextOrHtml {
  href?: string | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

/** GOV.UK Frontend `govukBackLink` (« Retour » by default). Put it in the layout's `beforeContent`. */
export function BackLink(props: BackLinkProps) {
  const texts = useTexts();
  return (
    <a href={props.href || '#'} class={cx('govuk-back-link', props.classes)} {...attrs(props.attributes)}>
      {content(props, texts.backLink)}
    </a>
  );
}
