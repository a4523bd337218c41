import { renderChoices, type ChoiceItem, type ChoicesCommonProps } from './choices.tsx';

export interface CheckboxesItem extends ChoiceItem {
  /** A different name for this checkbox. */
  name?: string | undefined;
  /** `exclusive`: checking it unchecks the others (« Aucun de ceux-ci »). */
  behaviour?: 'exclusive' | undefined;
}

export interface CheckboxesProps extends ChoicesCommonProps {
  describedBy?: string | undefined;
  items?: (CheckboxesItem | null | undefined | false)[] | undefined;
  /** The chosen values: items with these values are checked. */
  values?: (string | number)[] | undefined;
}

/** GOV.UK Frontend `govukCheckboxes`. Link an error summary to `#<idPrefix or name>` (the first checkbox). */
export function Checkboxes(props: CheckboxesProps) {
  const initial = (props.fieldset ? props.fieldset.describedBy : undefined) || props.describedBy || undefined;
  const hasFieldset = !!props.fieldset;
  const values = (props.values ?? []).map(String);
  return renderChoices<CheckboxesItem>({
    kind: 'checkboxes',
    props,
    describedBy: initial,
    isChecked: (item) => !!item.checked || (!!props.values && item.checked !== false && values.includes(String(item.value))),
    inputExtras: (item, _id, itemHintId, fieldDescribedBy) => {
      // Without a fieldset, each checkbox is described by the field's hint and error as well as its own hint.
      const itemDescribedBy = [hasFieldset ? '' : (fieldDescribedBy ?? ''), itemHintId ?? ''].join(' ').trim();
      return {
        name: item.name || props.name,
        'data-behaviour': item.behaviour || undefined,
        'aria-describedby': itemDescribedBy || undefined,
      };
    },
  });
}
