import { attrs, content, cx, hasContent, truthy, type Attributes, type TextOrHtml } from './common.tsx';
import { formGroupClass, hintAndError, slot, type ErrorMessageOptions, type FormGroupOptions, type HintOptions, type LabelOptions } from './form-group.tsx';
import { Label } from './label.tsx';

export interface InputAffix extends TextOrHtml {
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

export interface InputProps {
  id?: string | undefined;
  name: string;
  type?: string | undefined;
  inputmode?: string | undefined;
  value?: string | number | null | undefined;
  disabled?: boolean | undefined;
  describedBy?: string | undefined;
  label?: LabelOptions | undefined;
  hint?: HintOptions | false | null | undefined;
  errorMessage?: ErrorMessageOptions | false | null | undefined;
  prefix?: InputAffix | undefined;
  suffix?: InputAffix | undefined;
  formGroup?: Pick<FormGroupOptions, 'classes' | 'attributes' | 'beforeInput' | 'afterInput'> | undefined;
  inputWrapper?: { classes?: string | undefined; attributes?: Attributes | undefined } | undefined;
  classes?: string | undefined;
  autocomplete?: string | undefined;
  pattern?: string | undefined;
  spellcheck?: boolean | undefined;
  autocapitalize?: string | undefined;
  attributes?: Attributes | undefined;
}

function Affix({ affix, type }: { affix: InputAffix; type: 'prefix' | 'suffix' }) {
  return (
    <div class={cx(`govuk-input__${type}`, affix.classes)} aria-hidden="true" {...attrs(affix.attributes)}>
      {content(affix)}
    </div>
  );
}

/** GOV.UK Frontend `govukInput`. */
export function Input(props: InputProps) {
  const id = props.id || props.name;
  const { nodes, describedBy } = hintAndError(id, props.describedBy || undefined, props.hint, props.errorMessage);
  const hasPrefix = hasContent(props.prefix);
  const hasSuffix = hasContent(props.suffix);
  const before = props.formGroup?.beforeInput;
  const after = props.formGroup?.afterInput;
  const input = (
    <input
      class={cx('govuk-input', props.classes, truthy(props.errorMessage) && 'govuk-input--error')}
      id={id}
      name={props.name}
      type={props.type || 'text'}
      spellcheck={typeof props.spellcheck === 'boolean' ? props.spellcheck : undefined}
      value={props.value === undefined || props.value === null ? undefined : String(props.value)}
      disabled={props.disabled || undefined}
      aria-describedby={describedBy}
      autocomplete={props.autocomplete || undefined}
      autocapitalize={(props.autocapitalize || undefined) as 'none' | undefined}
      pattern={props.pattern || undefined}
      inputmode={(props.inputmode || undefined) as 'text' | undefined}
      {...attrs(props.attributes)}
    />
  );
  return (
    <div class={formGroupClass(props.errorMessage, props.formGroup)} {...attrs(props.formGroup?.attributes)}>
      <Label {...props.label} for={id} />
      {nodes}
      {hasPrefix || hasSuffix || hasContent(before) || hasContent(after) ? (
        <div class={cx('govuk-input__wrapper', props.inputWrapper?.classes)} {...attrs(props.inputWrapper?.attributes)}>
          {hasContent(before) ? slot(before) : null}
          {hasPrefix ? <Affix affix={props.prefix!} type="prefix" /> : null}
          {input}
          {hasSuffix ? <Affix affix={props.suffix!} type="suffix" /> : null}
          {hasContent(after) ? slot(after) : null}
        </div>
      ) : (
        input
      )}
    </div>
  );
}
