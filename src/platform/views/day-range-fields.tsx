// The « Du » and « Au (inclus) » inputs of a filter form, two grid quarters; read back by parseDayRange.
import { errorFor, valueOf, type FieldError, type FormValues } from '../http/form.ts';
import { Input } from './components/index.ts';

export function DayRangeFields(props: { values: FormValues; errors: FieldError[] }) {
  return (
    <>
      <div class="govuk-grid-column-one-quarter">
        <Input
          id="du"
          name="du"
          label={{ text: 'Du' }}
          hint={{ text: 'Par exemple 01/11/2026' }}
          classes="govuk-input--width-10"
          value={valueOf(props.values, 'du')}
          errorMessage={errorFor(props.errors, 'du')}
        />
      </div>
      <div class="govuk-grid-column-one-quarter">
        <Input
          id="au"
          name="au"
          label={{ text: 'Au (inclus)' }}
          hint={{ text: 'Par exemple 30/11/2026' }}
          classes="govuk-input--width-10"
          value={valueOf(props.values, 'au')}
          errorMessage={errorFor(props.errors, 'au')}
        />
      </div>
    </>
  );
}
