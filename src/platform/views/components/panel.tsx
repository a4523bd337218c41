import type { Child } from 'hono/jsx';
import { attrs, content, cx, truthy, type Attributes, type Html } from './common.tsx';
import { Button } from './button.tsx';

export interface PanelAction {
  text: string;
  href?: string | undefined;
  type?: 'button' | 'submit' | undefined;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
}

export interface PanelProps {
  titleText?: string | undefined;
  titleHtml?: Html;
  headingLevel?: number | undefined;
  text?: string | undefined;
  html?: Html;
  classes?: string | undefined;
  attributes?: Attributes | undefined;
  /** Buttons or links of an interruption panel (`classes: 'govuk-panel--interruption'`). */
  actions?: { items?: PanelAction[] | undefined; classes?: string | undefined; attributes?: Attributes | undefined } | undefined;
  children?: Child;
}

function PanelActionItem({ action }: { action: PanelAction }) {
  if (!action.href || action.type === 'button') {
    return (
      <Button
        text={action.text}
        type={action.type || 'button'}
        classes={`govuk-button--inverse${action.classes ? ` ${action.classes}` : ''}`}
        href={action.href}
        attributes={action.attributes}
      />
    );
  }
  return (
    <a class={cx('govuk-link govuk-link--inverse', action.classes)} href={action.href} {...attrs(action.attributes)}>
      {action.text}
    </a>
  );
}

/** GOV.UK Frontend `govukPanel` (a confirmation by default). */
export function Panel(props: PanelProps) {
  const level = props.headingLevel || 1;
  const Heading = `h${level}` as 'h1';
  const isInterruption = !!props.classes && props.classes.includes('govuk-panel--interruption');
  const hasChildren = props.children !== undefined && props.children !== null;
  const actions = props.actions;
  return (
    <div class={cx('govuk-panel', !isInterruption && 'govuk-panel--confirmation', props.classes)} {...attrs(props.attributes)}>
      <Heading class="govuk-panel__title">{content({ html: props.titleHtml, text: props.titleText })}</Heading>
      {hasChildren || truthy(props.html) || truthy(props.text) ? (
        <div class="govuk-panel__body">{hasChildren ? props.children : content(props)}</div>
      ) : null}
      {isInterruption && actions ? (
        <div class={cx('govuk-panel__actions', actions.classes)} {...attrs(actions.attributes)}>
          {actions.items?.length ? (
            <div class="govuk-button-group">
              {actions.items.map((action, i) => (
                <>
                  {i > 0 ? ' ' : null}
                  <PanelActionItem action={action} />
                </>
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
