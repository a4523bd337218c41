import { attrs, truthy, type Attributes } from './common.tsx';
import { Fieldset } from './fieldset.tsx';
import { formGroupClass, hintAndError, slot, type ErrorMessageOptions, type FormGroupOptions, type HintOptions } from './form-group.tsx';
import type { ChoicesFieldsetOptions } from './choices.tsx';
import { Input } from './input.tsx';
import { useTexts } from './texts.tsx';

export interface DateInputItem {
  id?: string | undefined;
  name?: string | undefined;
  /** Default « Jour », « Mois », « Année ». */
  label?: string | undefined;
  value?: string | number | undefined;
  /** This part of the date is in error (only it is then highlighted). */
  error?: boolean | undefined;
  autocomplete?: string | undefined;
  pattern?: string | undefined;
  inputmode?: string | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

export interface DateInputProps {
  id: string;
  namePrefix?: string | undefined;
  items?: DateInputItem[] | undefined;
  hint?: HintOptions | false | null | undefined;
  errorMessage?: ErrorMessageOptions | false | null | undefined;
  formGroup?: Pick<FormGroupOptions, 'classes' | 'attributes' | 'beforeInputs' | 'afterInputs'> | undefined;
  fieldset?: ChoicesFieldsetOptions | false | null | undefined;
  day?: DateInputItem | undefined;
  month?: DateInputItem | undefined;
  year?: DateInputItem | undefined;
  values?: Record<string, string | number | undefined> | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

const hasErrorClass = (item: DateInputItem) => !!item.classes && item.classes.includes('govuk-input--error');

/** GOV.UK Frontend `govukDateInput`. Link an error summary to `#<id>-day` (or the first part in error). */
export function DateInput(props: DateInputProps) {
  const texts = useTexts();
  const day = props.day ?? { name: 'day', value: props.values?.day, classes: 'govuk-input--width-2' };
  const month = props.month ?? { name: 'month', value: props.values?.month, classes: 'govuk-input--width-2' };
  const year = props.year ?? { name: 'year', value: props.values?.year, classes: 'govuk-input--width-4' };
  const items = props.items?.length ? props.items : [day, month, year];
  const anyItemHasError = items.some((item) => item && (item.error || hasErrorClass(item)));
  const initial = props.fieldset ? props.fieldset.describedBy || undefined : undefined;
  const { nodes, describedBy } = hintAndError(props.id, initial, props.hint, props.errorMessage);
  const namePrefix = props.namePrefix ? `${props.namePrefix}-` : '';

  const renderItem = (item: DateInputItem) => {
    let itemName = item.name;
    let itemValue = item.value;
    let width = 2;
    const is = (part: DateInputItem, name: string) => item === part || (!!item.name && (item.name === name || item.name === part.name));
    if (is(day, 'day')) {
      itemName = item.name ?? 'day';
      itemValue = item.value ?? day.value;
    } else if (is(month, 'month')) {
      itemName = item.name ?? 'month';
      itemValue = item.value ?? month.value;
    } else if (is(year, 'year')) {
      itemName = item.name ?? 'year';
      itemValue = item.value ?? year.value;
      width = 4;
    }
    const itemHasError = !!item.error || hasErrorClass(item);
    const classes: string[] = [];
    if (!hasErrorClass(item) && (itemHasError || (item.error !== false && truthy(props.errorMessage) && !anyItemHasError))) classes.push('govuk-input--error');
    if (!item.classes || !item.classes.includes('govuk-input--width-')) classes.push(`govuk-input--width-${width}`);
    if (item.classes) classes.push(item.classes);
    const name = `${namePrefix}${itemName}`;
    return (
      <div class="govuk-date-input__item">
        <Input
          label={{ text: item.label || texts.dateInputLabel(String(itemName ?? '')), classes: 'govuk-date-input__label' }}
          id={item.id || `${props.id}-${itemName}`}
          classes={`govuk-date-input__input${classes.length ? ` ${classes.join(' ')}` : ''}`}
          name={name}
          value={itemValue ?? props.values?.[name]}
          type="text"
          inputmode={item.inputmode || 'numeric'}
          autocomplete={item.autocomplete}
          pattern={item.pattern}
          attributes={item.attributes}
        />
      </div>
    );
  };

  const inner = (
    <>
      {nodes}
      <div class={`govuk-date-input${props.classes ? ` ${props.classes}` : ''}`} {...attrs(props.attributes)} id={props.id || undefined}>
        {props.formGroup?.beforeInputs ? slot(props.formGroup.beforeInputs) : null}
        {items.map((item) => (item ? renderItem(item) : null))}
        {props.formGroup?.afterInputs ? slot(props.formGroup.afterInputs) : null}
      </div>
    </>
  );
  const fieldset = props.fieldset;
  return (
    <div class={formGroupClass(props.errorMessage, props.formGroup)} {...attrs(props.formGroup?.attributes)}>
      {fieldset ? (
        // role="group" so that JAWS announces the hint of a fieldset made of text inputs.
        <Fieldset describedBy={describedBy} classes={fieldset.classes} role="group" attributes={fieldset.attributes} legend={fieldset.legend}>
          {inner}
        </Fieldset>
      ) : (
        inner
      )}
    </div>
  );
}
