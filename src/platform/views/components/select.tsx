import { attrs, cx, truthy, type Attributes } from './common.tsx';
import { formGroupClass, hintAndError, slot, type ErrorMessageOptions, type FormGroupOptions, type HintOptions, type LabelOptions } from './form-group.tsx';
import { Label } from './label.tsx';

export interface SelectItem {
  value?: string | number | undefined;
  text: string | number;
  selected?: boolean | undefined;
  disabled?: boolean | undefined;
  attributes?: Attributes | undefined;
}

export interface SelectProps {
  id?: string | undefined;
  name: string;
  items?: (SelectItem | null | undefined | false)[] | undefined;
  value?: string | number | undefined;
  disabled?: boolean | undefined;
  describedBy?: string | undefined;
  label?: LabelOptions | undefined;
  hint?: HintOptions | false | null | undefined;
  errorMessage?: ErrorMessageOptions | false | null | undefined;
  formGroup?: Pick<FormGroupOptions, 'classes' | 'attributes' | 'beforeInput' | 'afterInput'> | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

/** GOV.UK Frontend `govukSelect`. */
export function Select(props: SelectProps) {
  const id = props.id || props.name;
  const { nodes, describedBy } = hintAndError(id, props.describedBy || undefined, props.hint, props.errorMessage);
  return (
    <div class={formGroupClass(props.errorMessage, props.formGroup)} {...attrs(props.formGroup?.attributes)}>
      <Label {...props.label} for={id} />
      {nodes}
      {props.formGroup?.beforeInput ? slot(props.formGroup.beforeInput) : null}
      <select
        class={cx('govuk-select', props.classes, truthy(props.errorMessage) && 'govuk-select--error')}
        id={id}
        name={props.name}
        disabled={props.disabled || undefined}
        aria-describedby={describedBy}
        {...attrs(props.attributes)}
      >
        {(props.items ?? []).map((item) => {
          if (!item) return null;
          const effectiveValue = item.value ?? item.text;
          // Nunjucks `==` compares loosely: 2 and '2' are the same value.
          const selected = item.selected ?? (truthy(props.value) ? String(effectiveValue) === String(props.value) : false);
          return (
            <option value={item.value === undefined ? undefined : String(item.value)} selected={selected || undefined} disabled={item.disabled || undefined} {...attrs(item.attributes)}>
              {String(item.text)}
            </option>
          );
        })}
      </select>
      {props.formGroup?.afterInput ? slot(props.formGroup.afterInput) : null}
    </div>
  );
}
