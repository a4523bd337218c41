// MOJ Frontend `mojSubNavigation` (moj/components/sub-navigation/template.njk): tabs-like links between the
// views of one case-work screen. MOJ Frontend ships no fixtures; moj-sub-navigation.test.tsx checks the markup.
import { attrs, content, cx, type Attributes, type TextOrHtml } from './common.tsx';

export interface SubNavigationItem extends TextOrHtml {
  href: string;
  /** The current view: aria-current="page". */
  active?: boolean | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

export interface SubNavigationProps {
  items: SubNavigationItem[];
  /** Default « Navigation secondaire ». */
  label?: string | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

export function SubNavigation(props: SubNavigationProps) {
  return (
    <nav class={cx('moj-sub-navigation', props.classes)} aria-label={props.label || 'Navigation secondaire'} {...attrs(props.attributes)}>
      <ul class="moj-sub-navigation__list">
        {props.items.map((item) => (
          <li class={cx('moj-sub-navigation__item', item.classes)}>
            <a class="moj-sub-navigation__link" aria-current={item.active ? 'page' : undefined} href={item.href} {...attrs(item.attributes)}>
              {content(item)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
