// A horizontal bar chart drawn on the server as SVG (no JavaScript), always with its data table beside it: the
// chart is for the eye, the table for everyone (screen readers read the table; the SVG is labelled as an image
// whose title says what it shows).
import { Table } from './components/index.ts';

export interface Bar {
  label: string;
  value: number;
}

/** `shares`: a column with each bar's share of the total (not for values that are already percentages). */
export function BarChart(props: { id: string; title: string; bars: readonly Bar[]; unit?: string; shares?: boolean }) {
  const shares = props.shares ?? true;
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  const row = 28;
  const height = props.bars.length * row + 8;
  const total = props.bars.reduce((s, b) => s + b.value, 0);
  const pct = (v: number) => (total ? `${Math.round((v / total) * 100)} %` : '—');
  return (
    <figure class="relais-chart" aria-labelledby={`${props.id}-titre`}>
      <figcaption class="govuk-heading-s" id={`${props.id}-titre`}>
        {props.title}
      </figcaption>
      {props.bars.length ? (
        <svg class="relais-chart__svg" viewBox={`0 0 400 ${height}`} width="100%" role="img" aria-labelledby={`${props.id}-titre`} preserveAspectRatio="xMinYMin meet">
          {props.bars.map((b, i) => {
            const w = Math.max(1, Math.round((b.value / max) * 190));
            return (
              <g>
                <text x="0" y={i * row + row / 2 + 3} class="relais-chart__label">
                  {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
                </text>
                <rect x="170" y={i * row + 4} width={w} height={row - 10} class="relais-chart__bar" />
                <text x={170 + w + 6} y={i * row + row / 2 + 3} class="relais-chart__value">
                  {b.value}
                </text>
              </g>
            );
          })}
        </svg>
      ) : null}
      <Table
        caption={`${props.title} (données)`}
        captionClasses="govuk-visually-hidden"
        classes="govuk-table--small-text-until-tablet"
        head={[{ text: 'Catégorie' }, { text: props.unit ?? 'Nombre', format: 'numeric' }, ...(shares ? [{ text: 'Part', format: 'numeric' as const }] : [])]}
        rows={props.bars.map((b) => [{ text: b.label }, { text: String(b.value), format: 'numeric' }, ...(shares ? [{ text: pct(b.value), format: 'numeric' as const }] : [])])}
      />
    </figure>
  );
}
