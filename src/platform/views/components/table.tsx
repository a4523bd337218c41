import { attrs, content, cx, type Attributes, type TextOrHtml } from './common.tsx';

export interface TableCell extends TextOrHtml {
  /** `numeric` right-aligns the cell. */
  format?: 'numeric' | undefined;
  classes?: string | undefined;
  colspan?: number | undefined;
  rowspan?: number | undefined;
  attributes?: Attributes | undefined;
}

export interface TableProps {
  rows: (TableCell[] | null | undefined | false)[];
  head?: TableCell[] | undefined;
  caption?: string | undefined;
  captionClasses?: string | undefined;
  firstCellIsHeader?: boolean | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

/** GOV.UK Frontend `govukTable`. */
export function Table(props: TableProps) {
  return (
    <table class={cx('govuk-table', props.classes)} {...attrs(props.attributes)}>
      {props.caption ? <caption class={cx('govuk-table__caption', props.captionClasses)}>{props.caption}</caption> : null}
      {props.head ? (
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            {props.head.map((item) => (
              <th
                scope="col"
                class={cx('govuk-table__header', item.format && `govuk-table__header--${item.format}`, item.classes)}
                colspan={item.colspan || undefined}
                rowspan={item.rowspan || undefined}
                {...attrs(item.attributes)}
              >
                {content(item)}
              </th>
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody class="govuk-table__body">
        {props.rows.map((row) =>
          row ? (
            <tr class="govuk-table__row">
              {row.map((cell, i) => {
                const common = { colspan: cell.colspan || undefined, rowspan: cell.rowspan || undefined, ...attrs(cell.attributes) };
                return i === 0 && props.firstCellIsHeader ? (
                  <th scope="row" class={cx('govuk-table__header', cell.classes)} {...common}>
                    {content(cell)}
                  </th>
                ) : (
                  <td class={cx('govuk-table__cell', cell.format && `govuk-table__cell--${cell.format}`, cell.classes)} {...common}>
                    {content(cell)}
                  </td>
                );
              })}
            </tr>
          ) : null,
        )}
      </tbody>
    </table>
  );
}
