import { attrs, content, cx, type Attributes, type Html } from './common.tsx';

export interface GenericHeaderProps {
  url?: string | undefined;
  logoText?: string | undefined;
  logoHtml?: Html;
  containerClasses?: string | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

/** GOV.UK Frontend `govukGenericHeader`: a header with the organisation's name and no crown. */
export function GenericHeader(props: GenericHeaderProps) {
  return (
    <div class={cx('govuk-generic-header', props.classes)} {...attrs(props.attributes)}>
      <div class={`govuk-generic-header__container ${props.containerClasses || 'govuk-width-container'}`}>
        <div class="govuk-generic-header__logo">
          <a href={props.url || '/'} class="govuk-generic-header__homepage-link">
            {content({ html: props.logoHtml, text: props.logoText })}
          </a>
        </div>
      </div>
    </div>
  );
}
