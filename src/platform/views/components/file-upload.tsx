import { attrs, cx, type Attributes } from './common.tsx';
import { formGroupClass, hintAndError, slot, type ErrorMessageOptions, type FormGroupOptions, type HintOptions, type LabelOptions } from './form-group.tsx';
import { Label } from './label.tsx';

export interface FileUploadProps {
  id?: string | undefined;
  name: string;
  /** Ignored by the library's template too (a browser never pre-fills a file input). */
  value?: string | undefined;
  disabled?: boolean | undefined;
  multiple?: boolean | undefined;
  describedBy?: string | undefined;
  label?: LabelOptions | undefined;
  hint?: HintOptions | false | null | undefined;
  errorMessage?: ErrorMessageOptions | false | null | undefined;
  formGroup?: Pick<FormGroupOptions, 'classes' | 'attributes' | 'beforeInput' | 'afterInput'> | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

/**
 * GOV.UK Frontend `govukFileUpload`, without its JavaScript enhancement (`javascript: true`, the drop zone):
 * Relais pages work without JavaScript and the browser's own file input is the accessible baseline.
 */
export function FileUpload(props: FileUploadProps) {
  const id = props.id || props.name;
  const { nodes, describedBy } = hintAndError(id, props.describedBy || undefined, props.hint, props.errorMessage);
  return (
    <div class={formGroupClass(props.errorMessage, props.formGroup)} {...attrs(props.formGroup?.attributes)}>
      <Label {...props.label} for={id} />
      {nodes}
      {slot(props.formGroup?.beforeInput)}
      <input
        class={cx('govuk-file-upload', props.classes, props.errorMessage ? 'govuk-file-upload--error' : undefined)}
        id={id}
        name={props.name}
        type="file"
        disabled={props.disabled || undefined}
        multiple={props.multiple || undefined}
        aria-describedby={describedBy}
        {...attrs(props.attributes)}
      />
      {slot(props.formGroup?.afterInput)}
    </div>
  );
}
