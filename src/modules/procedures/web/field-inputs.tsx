// The questions of a procedure page, as GOV.UK form components, filled with what the person typed. A question
// asked only for some answers says so in its hint (« À remplir si… »), and the server ignores its answer when the
// condition is not met. (GOV.UK's conditional reveal sets aria-expanded on radio inputs, which axe refuses.)
import type { Child } from 'hono/jsx';
import {
  Button,
  CharacterCount,
  Checkboxes,
  DateInput,
  FileUpload,
  Input,
  Radios,
} from '../../../platform/views/components/index.ts';
import { CommuneField } from '../../territory/index.ts';
import type { Field, RawAnswers, RawValue, SimpleField } from '../domain/fields.ts';
import { inputIdOf } from './answer-form.ts';

export interface FieldErrors {
  /** By error path (« nom », « membres[2].nom »). */
  [path: string]: string;
}

export interface FieldInputsProps {
  fields: readonly Field[];
  raw: RawAnswers;
  errors: FieldErrors;
  /** Names of files already received, by file id. */
  fileNames: Record<string, string>;
  /** Commune names by code, to show a chosen commune again. */
  communeNames: Record<string, string>;
  departement: string;
}

const s = (v: RawValue): string => (typeof v === 'string' ? v : '');
const optional = (f: { required: boolean }) => (f.required ? '' : ' (facultatif)');

function conditionText(field: SimpleField | Field, all: readonly Field[]): string | null {
  const c = field.showWhen;
  if (!c) return null;
  const on = all.find((f) => f.id === c.field);
  if (!on) return null;
  const label = (v: string) =>
    on.type === 'single_choice' || on.type === 'multiple_choice' ? (on.options.find((o) => o.value === v)?.label ?? v) : on.type === 'yes_no' ? (v === 'oui' ? 'Oui' : 'Non') : v;
  return c.is !== undefined ? `À remplir si vous avez répondu « ${label(c.is)} » à « ${on.label} »` : `À remplir si vous avez coché « ${label(c.contains!)} » à « ${on.label} »`;
}

function hintOf(field: SimpleField | Field, all: readonly Field[]): { text: string } | undefined {
  const parts = [field.hint, conditionText(field, all)].filter(Boolean);
  return parts.length ? { text: parts.join('. ') } : undefined;
}

function SimpleInput(props: { field: SimpleField; name: string; path: string; raw: Record<string, RawValue>; ctx: FieldInputsProps; all: readonly Field[] }) {
  const { field, name, raw, ctx } = props;
  const value = raw[field.id];
  const err = ctx.errors[props.path] ? { text: ctx.errors[props.path]! } : undefined;
  const label = { text: `${field.label}${optional(field)}`, classes: 'govuk-label--s' };
  const legend = { legend: { text: `${field.label}${optional(field)}`, classes: 'govuk-fieldset__legend--s' } };
  const hint = hintOf(field, props.all);
  switch (field.type) {
    case 'section':
      return <h2 class="govuk-heading-m">{field.label}</h2>;
    case 'explanation':
      return (
        <div>
          <h3 class="govuk-heading-s">{field.label}</h3>
          {field.text.split(/\n\n+/).map((p) => (
            <p class="govuk-body">{p}</p>
          ))}
        </div>
      );
    case 'short_text':
      return <Input id={name} name={name} label={label} hint={hint} value={s(value)} errorMessage={err} attributes={{ maxlength: String(field.maxLength + 1000) }} />;
    case 'long_text':
      return <CharacterCount id={name} name={name} label={label} hint={hint} value={s(value)} errorMessage={err} maxlength={field.maxLength} rows={6} />;
    case 'integer':
    case 'decimal':
      return (
        <Input
          id={name}
          name={name}
          label={label}
          hint={hint}
          value={s(value)}
          errorMessage={err}
          inputmode={field.type === 'integer' ? 'numeric' : 'decimal'}
          spellcheck={false}
          classes="govuk-input--width-10"
          suffix={field.unit ? { text: field.unit } : undefined}
        />
      );
    case 'email':
      return <Input id={name} name={name} type="email" label={label} hint={hint} value={s(value)} errorMessage={err} autocomplete="email" spellcheck={false} />;
    case 'phone':
      return <Input id={name} name={name} type="tel" label={label} hint={hint ?? { text: 'Par exemple 06 12 34 56 78' }} value={s(value)} errorMessage={err} autocomplete="tel" classes="govuk-input--width-20" />;
    case 'siret':
      return <Input id={name} name={name} label={label} hint={hint ?? { text: '14 chiffres, sur un avis de situation Sirene ou un extrait Kbis' }} value={s(value)} errorMessage={err} inputmode="numeric" spellcheck={false} classes="govuk-input--width-20" />;
    case 'iban':
      return <Input id={name} name={name} label={label} hint={hint ?? { text: 'Sur votre relevé d’identité bancaire (RIB), par exemple FR76 3000 6000 0112 3456 7890 189' }} value={s(value)} errorMessage={err} spellcheck={false} autocapitalize="characters" />;
    case 'yes_no':
    case 'single_choice': {
      const options = field.type === 'yes_no' ? [{ value: 'oui', label: 'Oui' }, { value: 'non', label: 'Non' }] : field.options;
      return (
        <Radios
          name={name}
          idPrefix={name}
          fieldset={legend}
          hint={hint}
          errorMessage={err}
          classes={field.type === 'yes_no' ? 'govuk-radios--inline' : undefined}
          value={s(value) || undefined}
          items={options.map((o) => ({ value: o.value, text: o.label }))}
        />
      );
    }
    case 'multiple_choice':
      return (
        <Checkboxes
          name={name}
          idPrefix={name}
          fieldset={legend}
          hint={hint ?? (field.maxSelected ? { text: `Cochez au plus ${field.maxSelected} réponses` } : { text: 'Cochez toutes les réponses qui conviennent' })}
          errorMessage={err}
          values={Array.isArray(value) ? (value as string[]) : []}
          items={field.options.map((o) => ({ value: o.value, text: o.label }))}
        />
      );
    case 'date': {
      const d = (value && typeof value === 'object' && !Array.isArray(value) && 'day' in value ? value : { day: '', month: '', year: '' }) as { day: string; month: string; year: string };
      return (
        <DateInput
          id={name}
          namePrefix={name}
          fieldset={legend}
          hint={hint ?? { text: 'Par exemple 27 3 2026' }}
          errorMessage={err}
          items={[
            { name: 'day', label: 'Jour', value: d.day, classes: 'govuk-input--width-2' },
            { name: 'month', label: 'Mois', value: d.month, classes: 'govuk-input--width-2' },
            { name: 'year', label: 'Année', value: d.year, classes: 'govuk-input--width-4' },
          ]}
        />
      );
    }
    case 'commune': {
      const code = s(value);
      return (
        <CommuneField
          name={name}
          label={label}
          hint={hint}
          value={{ text: s(raw[`${field.id}__text`]) || ctx.communeNames[code] || '', insee: code || null }}
          errorMessage={err}
          departement={ctx.departement}
        />
      );
    }
    case 'address': {
      const a = (value && typeof value === 'object' && !Array.isArray(value) && 'street' in value ? value : { street: '', commune: '' }) as { street: string; commune: string };
      return (
        <div class={`govuk-form-group${err ? ' govuk-form-group--error' : ''}`}>
          <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{`${field.label}${optional(field)}`}</legend>
            {hint ? <div class="govuk-hint">{hint.text}</div> : null}
            {err ? (
              <p class="govuk-error-message">
                <span class="govuk-visually-hidden">Erreur :</span> {err.text}
              </p>
            ) : null}
            <Input id={`${name}-street`} name={`${name}-street`} label={{ text: 'Numéro et rue' }} value={a.street} autocomplete="street-address" />
            <CommuneField name={`${name}-commune`} label={{ text: 'Commune' }} value={{ text: s(raw[`${field.id}__text`]) || ctx.communeNames[a.commune] || '', insee: a.commune || null }} departement={ctx.departement} />
          </fieldset>
        </div>
      );
    }
    case 'file': {
      const id = s(value);
      const accept = field.accept.map((k) => ({ pdf: '.pdf,application/pdf', jpeg: '.jpg,.jpeg,image/jpeg', png: '.png,image/png' })[k]).join(',');
      const kinds = field.accept.map((k) => k.toUpperCase()).join(', ');
      return (
        <div>
          {id ? (
            <p class="govuk-body">
              Fichier reçu : <strong>{ctx.fileNames[id] ?? 'fichier joint'}</strong>. Choisissez un autre fichier seulement pour le remplacer.
            </p>
          ) : null}
          <input type="hidden" name={`${name}-file`} value={id} />
          <FileUpload
            id={name}
            name={name}
            label={label}
            hint={{ text: [hint?.text, `${kinds}, ${Math.round(field.maxBytes / 1_000_000)} Mo au plus`].filter(Boolean).join('. ') }}
            errorMessage={err}
            attributes={{ accept }}
          />
        </div>
      );
    }
  }
}

function SimpleList(props: { fields: readonly SimpleField[]; prefix: string; pathPrefix: string; raw: Record<string, RawValue>; ctx: FieldInputsProps; all: readonly Field[] }) {
  return (
    <>
      {props.fields.map((f) => (
        <SimpleInput field={f} name={`${props.prefix}${f.id}`} path={`${props.pathPrefix}${f.id}`} raw={props.raw} ctx={props.ctx} all={props.all} />
      ))}
    </>
  );
}

/** Every question of a page, with repeatable blocks and their « Ajouter » / « Supprimer » buttons. */
export function FieldInputs(props: FieldInputsProps) {
  const simple: SimpleField[] = [];
  const out: Child[] = [];
  const flush = () => {
    if (simple.length) out.push(<SimpleList fields={[...simple]} prefix="" pathPrefix="" raw={props.raw} ctx={props} all={props.fields} />);
    simple.length = 0;
  };
  for (const field of props.fields) {
    if (field.type !== 'repeatable') {
      simple.push(field);
      continue;
    }
    flush();
    const items = Array.isArray(props.raw[field.id]) ? (props.raw[field.id] as Array<Record<string, RawValue>>) : [];
    const shown = items.length ? items : Array.from({ length: Math.max(1, field.minItems) }, () => ({}));
    const err = props.errors[field.id];
    out.push(
      <div class={`govuk-form-group${err ? ' govuk-form-group--error' : ''}`} id={field.id}>
        <h2 class="govuk-heading-m">{field.label}</h2>
        {field.hint ? <p class="govuk-hint">{field.hint}</p> : null}
        {conditionText(field, props.fields) ? <p class="govuk-hint">{conditionText(field, props.fields)}</p> : null}
        {err ? (
          <p class="govuk-error-message">
            <span class="govuk-visually-hidden">Erreur :</span> {err}
          </p>
        ) : null}
        <input type="hidden" name={`${field.id}--count`} value={String(shown.length)} />
        {shown.map((item, i) => (
          <fieldset class="govuk-fieldset relais-repeatable-item">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
              {field.itemLabel} {i + 1}
            </legend>
            <SimpleList fields={field.fields} prefix={`${field.id}--${i}--`} pathPrefix={`${field.id}[${i + 1}].`} raw={item} ctx={props} all={field.fields} />
            {shown.length > field.minItems ? (
              <Button text={`Supprimer ${field.itemLabel.toLowerCase()} ${i + 1}`} classes="govuk-button--secondary" name="action" value={`remove:${field.id}:${i}`} attributes={{ formnovalidate: 'formnovalidate' }} />
            ) : null}
          </fieldset>
        ))}
        {shown.length < field.maxItems ? (
          <Button text={`Ajouter ${field.itemLabel.toLowerCase()}`} classes="govuk-button--secondary" name="action" value={`add:${field.id}`} attributes={{ formnovalidate: 'formnovalidate' }} />
        ) : null}
      </div>,
    );
  }
  flush();
  return <>{out}</>;
}

export { inputIdOf };
