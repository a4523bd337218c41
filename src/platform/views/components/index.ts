// GOV.UK Frontend components as typed hono/jsx components. Props mirror the Nunjucks macro options
// (node_modules/govuk-frontend/dist/govuk/components/<name>/macro-options.json) with the same names;
// fixtures.test.tsx proves each renders the library's reference HTML.
export type { Attributes, Html, TextOrHtml } from './common.tsx';
export { ComponentTexts, frenchTexts, type Texts } from './texts.tsx';
export { Label, type LabelProps } from './label.tsx';
export { Hint, type HintProps } from './hint.tsx';
export { ErrorMessage, type ErrorMessageProps } from './error-message.tsx';
export { Fieldset, type FieldsetProps, type LegendOptions } from './fieldset.tsx';
export type { ErrorMessageOptions, FormGroupOptions, HintOptions, LabelOptions } from './form-group.tsx';
export { Input, type InputProps } from './input.tsx';
export { Button, type ButtonProps } from './button.tsx';
export { ErrorSummary, type ErrorSummaryItem, type ErrorSummaryProps } from './error-summary.tsx';
export { Textarea, type TextareaProps } from './textarea.tsx';
export { CharacterCount, type CharacterCountProps } from './character-count.tsx';
export type { ChoiceItem, ChoicesFieldsetOptions } from './choices.tsx';
export { Radios, type RadiosItem, type RadiosProps } from './radios.tsx';
export { Checkboxes, type CheckboxesItem, type CheckboxesProps } from './checkboxes.tsx';
export { Select, type SelectItem, type SelectProps } from './select.tsx';
export { DateInput, type DateInputItem, type DateInputProps } from './date-input.tsx';
export { PasswordInput, type PasswordInputProps } from './password-input.tsx';
