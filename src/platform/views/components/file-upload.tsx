import { attrs, cx, i18nAttrs, truthy, type Attributes } from './common.tsx';
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
  /** The enhanced drop zone (needs GOV.UK Frontend's JavaScript; without it the plain input stays). */
  javascript?: boolean | undefined;
  wrapperClasses?: string | undefined;
  wrapperAttributes?: Attributes | undefined;
  chooseFilesButtonText?: string | undefined;
  noFileChosenText?: string | undefined;
  multipleFilesChosenText?: Partial<Record<string, string>> | undefined;
  dropInstructionText?: string | undefined;
  enteredDropZoneText?: string | undefined;
  leftDropZoneText?: string | undefined;
}

/**
 * GOV.UK Frontend `govukFileUpload`. With `javascript: true`, the library's drop zone enhances the browser's own
 * file input, which stays the baseline without JavaScript. A browser never keeps a chosen file across a page
 * load: forms say so when they come back with errors.
 */
export function FileUpload(props: FileUploadProps) {
  const id = props.id || props.name;
  const { nodes, describedBy } = hintAndError(id, props.describedBy || undefined, props.hint, props.errorMessage);
  const input = (
    <input
      class={cx('govuk-file-upload', props.classes, truthy(props.errorMessage) && 'govuk-file-upload--error')}
      id={id}
      name={props.name}
      type="file"
      disabled={props.disabled || undefined}
      multiple={props.multiple || undefined}
      aria-describedby={describedBy}
      {...attrs(props.attributes)}
    />
  );
  return (
    <div class={formGroupClass(props.errorMessage, props.formGroup)} {...attrs(props.formGroup?.attributes)}>
      <Label {...props.label} for={id} />
      {nodes}
      {props.formGroup?.beforeInput ? slot(props.formGroup.beforeInput) : null}
      {props.javascript ? (
        <div
          class={cx('govuk-file-upload-wrapper', props.wrapperClasses)}
          data-module="govuk-file-upload"
          {...i18nAttrs('choose-files-button', props.chooseFilesButtonText)}
          {...i18nAttrs('no-file-chosen', props.noFileChosenText)}
          {...i18nAttrs('multiple-files-chosen', props.multipleFilesChosenText)}
          {...i18nAttrs('drop-instruction', props.dropInstructionText)}
          {...i18nAttrs('entered-drop-zone', props.enteredDropZoneText)}
          {...i18nAttrs('left-drop-zone', props.leftDropZoneText)}
          {...attrs(props.wrapperAttributes)}
        >
          {input}
        </div>
      ) : (
        input
      )}
      {props.formGroup?.afterInput ? slot(props.formGroup.afterInput) : null}
    </div>
  );
}
