import { attrs, cx, truthy, type Attributes } from './common.tsx';
import { formGroupClass, hintAndError, slot, type ErrorMessageOptions, type FormGroupOptions, type HintOptions, type LabelOptions } from './form-group.tsx';
import { Label } from './label.tsx';

export interface TextareaProps {
  id?: string | undefined;
  name: string;
  spellcheck?: boolean | undefined;
  rows?: number | string | undefined;
  value?: string | undefined;
  disabled?: boolean | undefined;
  describedBy?: string | undefined;
  label?: LabelOptions | undefined;
  hint?: HintOptions | false | null | undefined;
  errorMessage?: ErrorMessageOptions | false | null | undefined;
  formGroup?: Pick<FormGroupOptions, 'classes' | 'attributes' | 'beforeInput' | 'afterInput'> | undefined;
  classes?: string | undefined;
  autocomplete?: string | undefined;
  attributes?: Attributes | undefined;
}

/** GOV.UK Frontend `govukTextarea`. */
export function Textarea(props: TextareaProps) {
  const id = props.id || props.name;
  const { nodes, describedBy } = hintAndError(id, props.describedBy || undefined, props.hint, props.errorMessage);
  return (
    <div class={formGroupClass(props.errorMessage, props.formGroup)} {...attrs(props.formGroup?.attributes)}>
      <Label {...props.label} for={id} />
      {nodes}
      {props.formGroup?.beforeInput ? slot(props.formGroup.beforeInput) : null}
      <textarea
        class={cx('govuk-textarea', truthy(props.errorMessage) && 'govuk-textarea--error', props.classes)}
        id={id}
        name={props.name}
        rows={truthy(props.rows) ? Number(props.rows) : 5}
        spellcheck={typeof props.spellcheck === 'boolean' ? props.spellcheck : undefined}
        disabled={props.disabled || undefined}
        aria-describedby={describedBy}
        autocomplete={props.autocomplete || undefined}
        {...attrs(props.attributes)}
      >
        {props.value ?? ''}
      </textarea>
      {props.formGroup?.afterInput ? slot(props.formGroup.afterInput) : null}
    </div>
  );
}
