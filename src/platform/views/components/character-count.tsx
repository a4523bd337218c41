import { attrs, content, i18nAttrs, truthy, type Attributes } from './common.tsx';
import type { ErrorMessageOptions, FormGroupOptions, HintOptions, LabelOptions } from './form-group.tsx';
import { Hint } from './hint.tsx';
import { Textarea } from './textarea.tsx';
import { useTexts, type PluralTexts } from './texts.tsx';

export interface CharacterCountProps {
  id?: string | undefined;
  name: string;
  rows?: number | string | undefined;
  value?: string | undefined;
  maxlength?: number | string | undefined;
  maxwords?: number | string | undefined;
  threshold?: number | string | undefined;
  countType?: 'characters' | 'words' | undefined;
  label?: LabelOptions | undefined;
  hint?: HintOptions | false | null | undefined;
  errorMessage?: ErrorMessageOptions | false | null | undefined;
  formGroup?: Pick<FormGroupOptions, 'classes' | 'attributes' | 'beforeInput' | 'afterInput'> | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
  spellcheck?: boolean | undefined;
  countMessage?: { classes?: string | undefined } | undefined;
  textareaDescriptionText?: string | undefined;
  charactersUnderLimitText?: PluralTexts | undefined;
  charactersAtLimitText?: string | undefined;
  charactersOverLimitText?: PluralTexts | undefined;
  wordsUnderLimitText?: PluralTexts | undefined;
  wordsAtLimitText?: string | undefined;
  wordsOverLimitText?: PluralTexts | undefined;
}

/** GOV.UK Frontend `govukCharacterCount`, with the count messages in French. */
export function CharacterCount(props: CharacterCountProps) {
  const texts = useTexts().characterCount;
  const i18n = texts.i18n;
  const id = props.id || props.name;
  const countType = props.countType || (truthy(props.maxwords) ? 'words' : undefined);
  const hasNoLimit = !truthy(props.maxwords) && !truthy(props.maxlength);
  const descriptionLength = truthy(props.maxwords) ? props.maxwords : props.maxlength;
  const description = props.textareaDescriptionText || texts.textareaDescription(countType === 'words' ? 'words' : 'characters');
  const descriptionNow = hasNoLimit ? undefined : description.replaceAll('%{count}', String(descriptionLength));
  const formGroupAttributes = {
    'data-module': 'govuk-character-count',
    ...attrs({
      'data-maxlength': { value: props.maxlength, optional: true },
      'data-maxwords': { value: props.maxwords, optional: true },
      'data-threshold': { value: props.threshold, optional: true },
      'data-count-type': { value: countType ?? false, optional: true },
    }),
    // Without a limit, the description can only be written by the script once the limit is known.
    ...(hasNoLimit && (props.textareaDescriptionText || i18n) ? i18nAttrs('textarea-description', { other: description }) : {}),
    ...i18nAttrs('characters-under-limit', props.charactersUnderLimitText ?? i18n?.charactersUnderLimit),
    ...i18nAttrs('characters-at-limit', props.charactersAtLimitText ?? i18n?.charactersAtLimit),
    ...i18nAttrs('characters-over-limit', props.charactersOverLimitText ?? i18n?.charactersOverLimit),
    ...i18nAttrs('words-under-limit', props.wordsUnderLimitText ?? i18n?.wordsUnderLimit),
    ...i18nAttrs('words-at-limit', props.wordsAtLimitText ?? i18n?.wordsAtLimit),
    ...i18nAttrs('words-over-limit', props.wordsOverLimitText ?? i18n?.wordsOverLimit),
    ...attrs(props.formGroup?.attributes),
  };
  const after = props.formGroup?.afterInput;
  return (
    <Textarea
      id={id}
      name={props.name}
      describedBy={`${id}-info`}
      rows={props.rows}
      spellcheck={props.spellcheck}
      value={props.value}
      formGroup={{
        classes: `govuk-character-count${props.formGroup?.classes ? ` ${props.formGroup.classes}` : ''}`,
        attributes: formGroupAttributes,
        beforeInput: props.formGroup?.beforeInput,
        afterInput: {
          html: (
            <>
              <Hint text={descriptionNow} id={`${id}-info`} classes={`govuk-character-count__message${props.countMessage?.classes ? ` ${props.countMessage.classes}` : ''}`} />
              {after ? content(after) : null}
            </>
          ),
        },
      }}
      classes={`govuk-js-character-count${props.classes ? ` ${props.classes}` : ''}`}
      label={props.label}
      hint={props.hint}
      errorMessage={props.errorMessage}
      attributes={props.attributes}
    />
  );
}
