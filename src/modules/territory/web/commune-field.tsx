// A commune field for any form: a text input (name or postcode) and a hidden INSEE code. With JavaScript,
// commune-autocomplete.js turns the input into an accessible combobox that fills the hidden code; without it,
// the server resolves the text (resolveCommuneField) and, when several communes match, the form shows them as
// radios named like the hidden code.
import { Input, Radios, type ErrorMessageOptions, type HintOptions, type LabelOptions } from '../../../platform/views/components/index.ts';
import { communeLabel } from '../domain/search-name.ts';
import type { CommuneSummary } from '../use-cases/search-communes.ts';

/** The script to add to a page's Layout `scripts` when it shows a CommuneField. */
export const communeFieldScript = 'commune-autocomplete.js';

export interface CommuneFieldProps {
  /** Name of the text input; the INSEE code is sent as `<name>Insee`. */
  name: string;
  label: LabelOptions;
  hint?: HintOptions;
  /** What was typed, and the code chosen, to show the answer again. */
  value?: { text: string; insee: string | null } | undefined;
  errorMessage?: ErrorMessageOptions | false | undefined;
  /** When several communes matched the text: the choices to offer. */
  candidates?: CommuneSummary[] | undefined;
  /** Limits the autocomplete to one département. */
  departement?: string | undefined;
  classes?: string | undefined;
}

/** Name of the INSEE code field of a CommuneField called `name`. */
export const communeInseeName = (name: string) => `${name}Insee`;

export function CommuneField(props: CommuneFieldProps) {
  const inseeName = communeInseeName(props.name);
  const source = `/api/communes?${props.departement ? `departement=${props.departement}&` : ''}`;
  const ambiguous = props.candidates && props.candidates.length > 0;
  return (
    <div class="relais-commune-field" data-module="relais-commune-autocomplete" data-source={source} data-insee-field={inseeName}>
      <Input
        id={props.name}
        name={props.name}
        label={props.label}
        hint={props.hint ?? { text: 'Son nom ou son code postal, par exemple « Saint-Malo » ou « 35400 »' }}
        value={props.value?.text ?? ''}
        errorMessage={ambiguous ? undefined : props.errorMessage}
        classes={props.classes ?? 'govuk-!-width-two-thirds'}
        autocomplete="off"
        spellcheck={false}
      />
      {ambiguous ? (
        <Radios
          name={inseeName}
          idPrefix={inseeName}
          fieldset={{ legend: { text: 'Quelle commune ?', classes: 'govuk-fieldset__legend--s' } }}
          errorMessage={props.errorMessage}
          items={props.candidates!.map((c) => ({ value: c.insee, text: communeLabel(c) }))}
          value={props.value?.insee ?? undefined}
        />
      ) : (
        <input type="hidden" name={inseeName} value={props.value?.insee ?? ''} />
      )}
    </div>
  );
}

/** What a form sent for a CommuneField called `name`. */
export function readCommuneField(body: Record<string, unknown>, name: string): { text: string; insee: string | null } {
  const text = body[name];
  const insee = body[communeInseeName(name)];
  return {
    text: typeof text === 'string' ? text.slice(0, 200) : '',
    insee: typeof insee === 'string' && insee.trim() ? insee.trim() : null,
  };
}

/** Where the error summary should link for this field: the radios when choices are shown, else the text input. */
export function communeFieldErrorHref(name: string, candidates: CommuneSummary[] | undefined): string {
  return candidates && candidates.length ? `#${communeInseeName(name)}` : `#${name}`;
}
