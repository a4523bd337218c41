import { attrs, content, i18nAttrs, type Attributes } from './common.tsx';
import { Button } from './button.tsx';
import type { ErrorMessageOptions, FormGroupOptions, HintOptions, LabelOptions } from './form-group.tsx';
import { Input } from './input.tsx';
import { useTexts } from './texts.tsx';

export interface PasswordInputProps {
  id?: string | undefined;
  name: string;
  value?: string | undefined;
  disabled?: boolean | undefined;
  describedBy?: string | undefined;
  label?: LabelOptions | undefined;
  hint?: HintOptions | false | null | undefined;
  errorMessage?: ErrorMessageOptions | false | null | undefined;
  formGroup?: Pick<FormGroupOptions, 'classes' | 'attributes' | 'beforeInput' | 'afterInput'> | undefined;
  classes?: string | undefined;
  /** Default `current-password`; use `new-password` on sign-up and reset forms. */
  autocomplete?: string | undefined;
  attributes?: Attributes | undefined;
  showPasswordText?: string | undefined;
  hidePasswordText?: string | undefined;
  showPasswordAriaLabelText?: string | undefined;
  hidePasswordAriaLabelText?: string | undefined;
  passwordShownAnnouncementText?: string | undefined;
  passwordHiddenAnnouncementText?: string | undefined;
  button?: { classes?: string | undefined } | undefined;
}

/** GOV.UK Frontend `govukPasswordInput`, with « Afficher » / « Masquer » in French. */
export function PasswordInput(props: PasswordInputProps) {
  const texts = useTexts().passwordInput;
  const i18n = texts.i18n;
  const id = props.id || props.name;
  const formGroupAttributes = {
    'data-module': 'govuk-password-input',
    ...i18nAttrs('show-password', props.showPasswordText ?? i18n?.showPassword),
    ...i18nAttrs('hide-password', props.hidePasswordText ?? i18n?.hidePassword),
    ...i18nAttrs('show-password-aria-label', props.showPasswordAriaLabelText ?? i18n?.showPasswordAriaLabel),
    ...i18nAttrs('hide-password-aria-label', props.hidePasswordAriaLabelText ?? i18n?.hidePasswordAriaLabel),
    ...i18nAttrs('password-shown-announcement', props.passwordShownAnnouncementText ?? i18n?.passwordShownAnnouncement),
    ...i18nAttrs('password-hidden-announcement', props.passwordHiddenAnnouncementText ?? i18n?.passwordHiddenAnnouncement),
    ...attrs(props.formGroup?.attributes),
  };
  const after = props.formGroup?.afterInput;
  return (
    <Input
      formGroup={{
        classes: `govuk-password-input${props.formGroup?.classes ? ` ${props.formGroup.classes}` : ''}`,
        attributes: formGroupAttributes,
        beforeInput: props.formGroup?.beforeInput,
        afterInput: {
          html: (
            <>
              <Button
                type="button"
                classes={`govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle${props.button?.classes ? ` ${props.button.classes}` : ''}`}
                text={props.showPasswordText ?? texts.show}
                attributes={{
                  'aria-controls': id,
                  'aria-label': props.showPasswordAriaLabelText ?? texts.showAriaLabel,
                  hidden: { value: true, optional: true },
                }}
              />
              {after ? content(after) : null}
            </>
          ),
        },
      }}
      inputWrapper={{ classes: 'govuk-password-input__wrapper' }}
      label={props.label}
      hint={props.hint}
      classes={`govuk-password-input__input govuk-js-password-input-input${props.classes ? ` ${props.classes}` : ''}`}
      errorMessage={props.errorMessage}
      id={id}
      name={props.name}
      type="password"
      spellcheck={false}
      autocapitalize="none"
      autocomplete={props.autocomplete || 'current-password'}
      value={props.value}
      disabled={props.disabled}
      describedBy={props.describedBy}
      attributes={props.attributes}
    />
  );
}
