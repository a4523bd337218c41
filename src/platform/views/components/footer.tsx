import { attrs, content, cx, hasContent, truthy, type Attributes, type TextOrHtml } from './common.tsx';
import { useTexts } from './texts.tsx';

export interface FooterLink {
  href: string;
  text: string;
  attributes?: Attributes | undefined;
}

export interface FooterProps {
  meta?: (TextOrHtml & { visuallyHiddenTitle?: string | undefined; items?: FooterLink[] | undefined }) | undefined;
  navigation?: {
    title: string;
    columns?: number | undefined;
    width?: string | undefined;
    items?: (FooterLink | { href?: string; text?: string; attributes?: Attributes })[] | undefined;
  }[] | undefined;
  /** The licence of the content; `null` for none. */
  contentLicence?: TextOrHtml | null | undefined;
  copyright?: TextOrHtml | undefined;
  containerClasses?: string | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

/**
 * GOV.UK Frontend `govukFooter`. In French (our default) it has no crown, no Open Government Licence and no
 * Crown copyright, which belong to the UK government: the licence and copyright show only when given.
 */
export function Footer(props: FooterProps) {
  const texts = useTexts().footer;
  const nav = props.navigation ?? [];
  const meta = props.meta;
  const licence = props.contentLicence;
  const showLicence = texts.licence ? licence !== null : hasContent(licence ?? undefined);
  return (
    <div class={cx('govuk-footer', props.classes)} {...attrs(props.attributes)}>
      <div class={cx('govuk-width-container', props.containerClasses)}>
        {texts.crown ?? null}
        {nav.length ? (
          <>
            <div class="govuk-footer__navigation">
              {nav.map((section) => (
                <div class={`govuk-footer__section govuk-grid-column-${section.width || 'full'}`}>
                  <h2 class="govuk-footer__heading govuk-heading-m">{section.title}</h2>
                  {section.items?.length ? (
                    <ul class={cx('govuk-footer__list', section.columns ? `govuk-footer__list--columns-${section.columns}` : undefined)}>
                      {section.items.map((item) =>
                        item.href && item.text ? (
                          <li class="govuk-footer__list-item">
                            <a class="govuk-footer__link" href={item.href} {...attrs(item.attributes)}>
                              {item.text}
                            </a>
                          </li>
                        ) : null,
                      )}
                    </ul>
                  ) : null}
                </div>
              ))}
            </div>
            <hr class="govuk-footer__section-break" />
          </>
        ) : null}
        <div class="govuk-footer__meta">
          <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
            {meta ? (
              <>
                <h2 class="govuk-visually-hidden">{meta.visuallyHiddenTitle || texts.metaTitle}</h2>
                {meta.items?.length ? (
                  <ul class="govuk-footer__inline-list">
                    {meta.items.map((item) => (
                      <li class="govuk-footer__inline-list-item">
                        <a class="govuk-footer__link" href={item.href} {...attrs(item.attributes)}>
                          {item.text}
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {truthy(meta.text) || truthy(meta.html) ? <div class="govuk-footer__meta-custom">{content(meta)}</div> : null}
              </>
            ) : null}
            {showLicence ? (
              <>
                {texts.licenceLogo ?? null}
                <span class="govuk-footer__licence-description">{content(licence, texts.licence)}</span>
              </>
            ) : null}
          </div>
          {texts.copyright ? (
            <div class="govuk-footer__meta-item">
              <a class="govuk-footer__link govuk-footer__copyright-logo" href={texts.copyrightHref}>
                {content(props.copyright, texts.copyright)}
              </a>
            </div>
          ) : hasContent(props.copyright) ? (
            <div class="govuk-footer__meta-item">{content(props.copyright)}</div>
          ) : null}
        </div>
      </div>
    </div>
  );
}
