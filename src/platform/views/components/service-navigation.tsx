import type { Child } from 'hono/jsx';
import { attrs, content, cx, truthy, type Attributes, type TextOrHtml } from './common.tsx';
import { useTexts } from './texts.tsx';

export interface ServiceNavigationItem extends TextOrHtml {
  href?: string | undefined;
  /** The current page: aria-current="page". */
  current?: boolean | undefined;
  /** A section the current page belongs to: aria-current="true". */
  active?: boolean | undefined;
  attributes?: Attributes | undefined;
}

export interface ServiceNavigationProps {
  classes?: string | undefined;
  attributes?: Attributes | undefined;
  /** Default « Informations sur le service ». */
  ariaLabel?: string | undefined;
  menuButtonText?: string | undefined;
  menuButtonLabel?: string | undefined;
  navigationLabel?: string | undefined;
  navigationId?: string | undefined;
  navigationClasses?: string | undefined;
  collapseNavigationOnMobile?: boolean | undefined;
  serviceName?: string | undefined;
  serviceUrl?: string | undefined;
  navigation?: (ServiceNavigationItem | null | undefined | false)[] | undefined;
  /** Extra markup (a string is trusted HTML). `navigationEnd` items must be <li>. */
  slots?: {
    start?: Child;
    end?: Child | { html?: Child; align?: 'inline' | undefined };
    navigationStart?: Child;
    navigationEnd?: Child;
  } | undefined;
}

const isEndObject = (v: unknown): v is { html?: Child; align?: 'inline' } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !('tag' in v) && !(v instanceof String) && ('html' in v || 'align' in v);

/** GOV.UK Frontend `govukServiceNavigation`. */
export function ServiceNavigation(props: ServiceNavigationProps) {
  const texts = useTexts().serviceNavigation;
  const menuButtonText = props.menuButtonText || texts.menu;
  const navigationId = props.navigationId || 'navigation';
  const end = props.slots?.end;
  const endHtml = isEndObject(end) ? end.html : end;
  const endInline = isEndObject(end) && end.align === 'inline';
  const slot = (v: Child) => (truthy(v) ? content({ html: v }) : null);
  const items = (props.navigation ?? []).filter((item): item is ServiceNavigationItem => !!item);
  const collapse = props.collapseNavigationOnMobile ?? items.length > 1;
  const inner = (
    <div class={cx('govuk-width-container', endInline && 'govuk-service-navigation__inlining-container')}>
      {slot(props.slots?.start)}
      <div class="govuk-service-navigation__container">
        {props.serviceName ? (
          <span class="govuk-service-navigation__service-name">
            {props.serviceUrl ? (
              <a href={props.serviceUrl} class="govuk-service-navigation__link">
                {props.serviceName}
              </a>
            ) : (
              <span class="govuk-service-navigation__text">{props.serviceName}</span>
            )}
          </span>
        ) : null}
        {items.length || truthy(props.slots?.navigationStart) || truthy(props.slots?.navigationEnd) ? (
          <nav aria-label={props.navigationLabel || menuButtonText} class={cx('govuk-service-navigation__wrapper', props.navigationClasses)}>
            {collapse ? (
              <button
                type="button"
                class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                aria-controls={navigationId}
                aria-label={props.menuButtonLabel && props.menuButtonLabel !== menuButtonText ? props.menuButtonLabel : undefined}
                hidden
                aria-hidden="true"
              >
                {menuButtonText}
              </button>
            ) : null}
            <ul class="govuk-service-navigation__list" id={navigationId}>
              {slot(props.slots?.navigationStart)}
              {items.map((item) => {
                const on = item.active || item.current;
                // Active links are also in <strong>, so the current item stays visible when colours are overridden.
                const inner = on ? <strong class="govuk-service-navigation__active-fallback">{content(item)}</strong> : content(item);
                const current = on ? (item.current ? 'page' : 'true') : undefined;
                return (
                  <li class={cx('govuk-service-navigation__item', on && 'govuk-service-navigation__item--active')}>
                    {item.href ? (
                      <a class="govuk-service-navigation__link" href={item.href} aria-current={current} {...attrs(item.attributes)}>
                        {inner}
                      </a>
                    ) : truthy(item.html) || truthy(item.text) ? (
                      <span class="govuk-service-navigation__text" aria-current={current}>
                        {inner}
                      </span>
                    ) : null}
                  </li>
                );
              })}
              {slot(props.slots?.navigationEnd)}
            </ul>
          </nav>
        ) : null}
      </div>
      {slot(endHtml)}
    </div>
  );
  const common = { class: cx('govuk-service-navigation', props.classes), 'data-module': 'govuk-service-navigation', ...attrs(props.attributes) };
  return props.serviceName || truthy(props.slots?.start) || truthy(endHtml) ? (
    <section aria-label={props.ariaLabel ?? texts.ariaLabel} {...common}>
      {inner}
    </section>
  ) : (
    <div {...common}>{inner}</div>
  );
}
