import { renderChoices, type ChoiceItem, type ChoicesCommonProps } from './choices.tsx';
import { truthy } from './common.tsx';

export type RadiosItem = ChoiceItem;

export interface RadiosProps extends ChoicesCommonProps {
  items?: (RadiosItem | null | undefined | false)[] | undefined;
  /** The chosen value: the item with this value is checked. */
  value?: string | number | undefined;
}

/** GOV.UK Frontend `govukRadios`. Link an error summary to `#<idPrefix or name>` (the first radio). */
export function Radios(props: RadiosProps) {
  return renderChoices<RadiosItem>({
    kind: 'radios',
    props,
    describedBy: props.fieldset ? props.fieldset.describedBy || undefined : undefined,
    isChecked: (item) =>
      !!item.checked || (truthy(props.value) && item.checked !== false && String(item.value) === String(props.value)),
    inputExtras: (_item, _id, itemHintId) => ({ name: props.name, 'aria-describedby': itemHintId }),
  });
}
