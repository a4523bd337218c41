// Radios and checkboxes share their markup but for the class prefix and a few options.
import type { Child } from 'hono/jsx';
import { attrs, content, truthy, type Attributes, type Html, type TextOrHtml } from './common.tsx';
import { Fieldset, type LegendOptions } from './fieldset.tsx';
import { formGroupClass, hintAndError, slot, type ErrorMessageOptions, type FormGroupOptions, type HintOptions } from './form-group.tsx';
import { Hint } from './hint.tsx';
import { Label } from './label.tsx';

export interface ChoiceItem extends TextOrHtml {
  id?: string | undefined;
  value?: string | number | undefined;
  label?: { classes?: string | undefined; attributes?: Attributes | undefined } | undefined;
  hint?: (TextOrHtml & { classes?: string | undefined; attributes?: Attributes | undefined }) | undefined;
  /** Text of a divider (« ou ») shown in place of an item. */
  divider?: string | undefined;
  checked?: boolean | undefined;
  /** Content revealed when this item is chosen. */
  conditional?: { html?: Html } | undefined;
  disabled?: boolean | undefined;
  attributes?: Attributes | undefined;
}

export interface ChoicesFieldsetOptions {
  describedBy?: string | undefined;
  legend?: LegendOptions | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

export interface ChoicesCommonProps {
  fieldset?: ChoicesFieldsetOptions | false | null | undefined;
  hint?: HintOptions | false | null | undefined;
  errorMessage?: ErrorMessageOptions | false | null | undefined;
  formGroup?: Pick<FormGroupOptions, 'classes' | 'attributes' | 'beforeInputs' | 'afterInputs'> | undefined;
  idPrefix?: string | undefined;
  name: string;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

interface RenderOptions<I extends ChoiceItem> {
  kind: 'radios' | 'checkboxes';
  props: ChoicesCommonProps & { items?: (I | null | undefined | false)[] | undefined };
  /** aria-describedby before the hint and error are added. */
  describedBy: string | undefined;
  isChecked: (item: I) => boolean;
  /** Extra input attributes for one item; receives the field's aria-describedby (hint and error included). */
  inputExtras: (item: I, itemId: string, itemHintId: string | undefined, fieldDescribedBy: string | undefined) => Record<string, string | undefined>;
}

export function renderChoices<I extends ChoiceItem>({ kind, props, describedBy: initial, isChecked, inputExtras }: RenderOptions<I>) {
  const idPrefix = props.idPrefix || props.name;
  const { nodes, describedBy } = hintAndError(idPrefix, initial, props.hint, props.errorMessage);
  const items: Child[] = (props.items ?? []).map((item, i) => {
    if (!item) return null;
    const index = i + 1;
    // The first id has no number so that an error summary can link to it.
    const itemId = item.id || `${idPrefix}${index > 1 ? `-${index}` : ''}`;
    const conditionalId = `conditional-${itemId}`;
    if (item.divider) return <div class={`govuk-${kind}__divider`}>{item.divider}</div>;
    const checked = isChecked(item);
    const hasHint = !!item.hint && (truthy(item.hint.text) || truthy(item.hint.html));
    const itemHintId = hasHint ? `${itemId}-item-hint` : undefined;
    const hasConditional = truthy(item.conditional?.html);
    return (
      <>
        <div class={`govuk-${kind}__item`}>
          <input
            class={`govuk-${kind}__input`}
            id={itemId}
            type={kind === 'radios' ? 'radio' : 'checkbox'}
            value={item.value === undefined || item.value === null ? '' : String(item.value)}
            checked={checked || undefined}
            disabled={item.disabled || undefined}
            data-aria-controls={hasConditional ? conditionalId : undefined}
            {...inputExtras(item, itemId, itemHintId, describedBy)}
            {...attrs(item.attributes)}
          />
          <Label
            html={item.html}
            text={item.text}
            classes={`govuk-${kind}__label${item.label?.classes ? ` ${item.label.classes}` : ''}`}
            attributes={item.label?.attributes}
            for={itemId}
          />
          {hasHint ? (
            <Hint
              id={itemHintId}
              classes={`govuk-${kind}__hint${item.hint?.classes ? ` ${item.hint.classes}` : ''}`}
              attributes={item.hint?.attributes}
              html={item.hint?.html}
              text={item.hint?.text}
            />
          ) : null}
        </div>
        {hasConditional ? (
          <div class={`govuk-${kind}__conditional${checked ? '' : ` govuk-${kind}__conditional--hidden`}`} id={conditionalId}>
            {content({ html: item.conditional?.html })}
          </div>
        ) : null}
      </>
    );
  });
  const inner = (
    <>
      {nodes}
      <div class={`govuk-${kind}${props.classes ? ` ${props.classes}` : ''}`} {...attrs(props.attributes)} data-module={`govuk-${kind}`}>
        {props.formGroup?.beforeInputs ? slot(props.formGroup.beforeInputs) : null}
        {items}
        {props.formGroup?.afterInputs ? slot(props.formGroup.afterInputs) : null}
      </div>
    </>
  );
  const fieldset = props.fieldset;
  return (
    <div class={formGroupClass(props.errorMessage, props.formGroup)} {...attrs(props.formGroup?.attributes)}>
      {fieldset ? (
        <Fieldset describedBy={describedBy} classes={fieldset.classes} attributes={fieldset.attributes} legend={fieldset.legend}>
          {inner}
        </Fieldset>
      ) : (
        inner
      )}
    </div>
  );
}
