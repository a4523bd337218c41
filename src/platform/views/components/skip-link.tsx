import { attrs, content, cx, type Attributes, type TextOrHtml } from './common.tsx';
import { useTexts } from './texts.tsx';

export interface SkipLinkProps extends TextOrHtml {
  /** Default `#content`; the layout's main element has id `main-content`. */
  href?: string | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

/** GOV.UK Frontend `govukSkipLink` (« Aller au contenu principal » by default). */
export function SkipLink(props: SkipLinkProps) {
  const texts = useTexts();
  return (
    <a href={props.href || '#content'} class={cx('govuk-skip-link', props.classes)} {...attrs(props.attributes)} data-module="govuk-skip-link">
      {content(props, texts.skipLink)}
    </a>
  );
}
