// Small pieces shared by the edit pages: error summary in page order, multi-choice checkboxes, the update
// frequency radios, the « saved » banner.
import type { FieldError, FormValues } from '../../../platform/http/form.ts';
import { Checkboxes, ErrorSummary, NotificationBanner, Radios } from '../../../platform/views/components/index.ts';
import { UPDATE_FREQUENCIES } from '../domain/freshness.ts';
import { listOf } from './listing-fields.ts';

export function errorOf(errors: FieldError[], field: string): { text: string } | undefined {
  const e = errors.find((x) => x.field === field);
  return e ? { text: e.message } : undefined;
}

export function Summary(props: { errors: FieldError[]; order: readonly string[]; hrefs?: Record<string, string> }) {
  if (props.errors.length === 0) return null;
  const sorted = [...props.errors].sort((a, b) => props.order.indexOf(a.field) - props.order.indexOf(b.field));
  return <ErrorSummary errorList={sorted.map((e) => ({ text: e.message, href: props.hrefs?.[e.field] ?? `#${e.field}` }))} />;
}

export function MultiChoice(props: {
  name: string;
  legend: string;
  hint?: string;
  options: ReadonlyArray<string | { value: string; label: string }>;
  values: FormValues;
  errors: FieldError[];
  idPrefix?: string;
  small?: boolean;
}) {
  const chosen = listOf(props.values, props.name);
  return (
    <Checkboxes
      name={props.name}
      idPrefix={props.idPrefix ?? props.name}
      classes={props.small ? 'govuk-checkboxes--small' : undefined}
      fieldset={{ legend: { text: props.legend, classes: 'govuk-fieldset__legend--s' } }}
      hint={props.hint ? { text: props.hint } : undefined}
      errorMessage={errorOf(props.errors, props.name)}
      items={props.options.map((o) => (typeof o === 'string' ? { value: o, text: o } : { value: o.value, text: o.label }))}
      values={chosen}
    />
  );
}

export function FrequencyField(props: { values: FormValues; errors: FieldError[] }) {
  const v = props.values['updateFrequencyDays'];
  return (
    <Radios
      name="updateFrequencyDays"
      idPrefix="updateFrequencyDays"
      fieldset={{ legend: { text: 'À quelle fréquence vérifierez-vous ces informations ?', classes: 'govuk-fieldset__legend--s' } }}
      hint={{ text: 'Passé ce délai, la fiche est signalée « à vérifier » et nous vous envoyons un rappel.' }}
      errorMessage={errorOf(props.errors, 'updateFrequencyDays')}
      items={UPDATE_FREQUENCIES.map(([days, label]) => ({ value: String(days), text: label }))}
      value={typeof v === 'string' ? v : undefined}
    />
  );
}

export function SavedBanner(props: { show: boolean; text: string }) {
  return props.show ? <NotificationBanner type="success" text={props.text} /> : null;
}
