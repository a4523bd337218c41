import type { Child } from 'hono/jsx';
import { attrs, content, cx, truthy, type Attributes, type TextOrHtml } from './common.tsx';

export interface SummaryListAction extends TextOrHtml {
  href: string;
  /** Completes the link for screen readers: « Modifier » + « l’adresse ». */
  visuallyHiddenText?: string | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

export interface SummaryListActions {
  items?: SummaryListAction[] | undefined;
  classes?: string | undefined;
}

export interface SummaryListRow {
  classes?: string | undefined;
  key: TextOrHtml & { classes?: string | undefined };
  value: TextOrHtml & { classes?: string | undefined };
  actions?: SummaryListActions | undefined;
}

export interface SummaryCardTitle extends TextOrHtml {
  headingLevel?: number | undefined;
  classes?: string | undefined;
}

export interface SummaryListProps {
  rows: (SummaryListRow | null | undefined | false)[];
  /** Shows the list inside a summary card with a title and actions. */
  card?: {
    title?: SummaryCardTitle | undefined;
    actions?: SummaryListActions | undefined;
    classes?: string | undefined;
    attributes?: Attributes | undefined;
  } | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

function ActionLink({ action, cardTitle }: { action: SummaryListAction; cardTitle: SummaryCardTitle | undefined }) {
  return (
    <a class={cx('govuk-link', action.classes)} href={action.href} {...attrs(action.attributes)}>
      {content(action)}
      {action.visuallyHiddenText || cardTitle ? (
        <span class="govuk-visually-hidden">
          {action.visuallyHiddenText ? ` ${action.visuallyHiddenText}` : null}
          {cardTitle ? <> ({content(cardTitle)})</> : null}
        </span>
      ) : null}
    </a>
  );
}

function Card({ card, children }: { card: NonNullable<SummaryListProps['card']>; children: Child }) {
  const Heading = `h${card.title?.headingLevel || 2}` as 'h2';
  const items = card.actions?.items ?? [];
  return (
    <div class={cx('govuk-summary-card', card.classes)} {...attrs(card.attributes)}>
      <div class="govuk-summary-card__title-wrapper">
        {card.title ? <Heading class={cx('govuk-summary-card__title', card.title.classes)}>{content(card.title)}</Heading> : null}
        {items.length === 1 ? (
          <div class={cx('govuk-summary-card__actions', card.actions?.classes)}>
            <ActionLink action={items[0]!} cardTitle={card.title} />
          </div>
        ) : items.length > 1 ? (
          <ul class={cx('govuk-summary-card__actions', card.actions?.classes)}>
            {items.map((action) => (
              <li class="govuk-summary-card__action">
                <ActionLink action={action} cardTitle={card.title} />
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div class="govuk-summary-card__content">{children}</div>
    </div>
  );
}

/** GOV.UK Frontend `govukSummaryList` (and summary card when `card` is given). */
export function SummaryList(props: SummaryListProps) {
  const anyRowHasActions = props.rows.some((row) => row && truthy(row.actions?.items?.length));
  const cardTitle = props.card?.title;
  const list = (
    <dl class={cx('govuk-summary-list', props.classes)} {...attrs(props.attributes)}>
      {props.rows.map((row) => {
        if (!row) return null;
        const items = row.actions?.items ?? [];
        return (
          <div class={cx('govuk-summary-list__row', anyRowHasActions && !row.actions?.items && 'govuk-summary-list__row--no-actions', row.classes)}>
            <dt class={cx('govuk-summary-list__key', row.key.classes)}>{content(row.key)}</dt>
            <dd class={cx('govuk-summary-list__value', row.value.classes)}>{content(row.value)}</dd>
            {items.length ? (
              <dd class={cx('govuk-summary-list__actions', row.actions?.classes)}>
                {items.length === 1 ? (
                  <ActionLink action={items[0]!} cardTitle={cardTitle} />
                ) : (
                  <ul class="govuk-summary-list__actions-list">
                    {items.map((action) => (
                      <li class="govuk-summary-list__actions-list-item">
                        <ActionLink action={action} cardTitle={cardTitle} />
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );
  return props.card ? <Card card={props.card}>{list}</Card> : list;
}
