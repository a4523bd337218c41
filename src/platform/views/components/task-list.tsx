import { attrs, content, cx, type Attributes, type TextOrHtml } from './common.tsx';
import { Tag, type TagProps } from './tag.tsx';

export interface TaskListItem {
  title: TextOrHtml & { classes?: string | undefined };
  hint?: TextOrHtml | undefined;
  status: TextOrHtml & { tag?: TagProps | undefined; classes?: string | undefined };
  href?: string | undefined;
  classes?: string | undefined;
}

export interface TaskListProps {
  items: (TaskListItem | null | undefined | false)[];
  classes?: string | undefined;
  attributes?: Attributes | undefined;
  idPrefix?: string | undefined;
}

/** GOV.UK Frontend `govukTaskList`. */
export function TaskList(props: TaskListProps) {
  const idPrefix = props.idPrefix || 'task-list';
  return (
    <ul class={cx('govuk-task-list', props.classes)} {...attrs(props.attributes)}>
      {props.items.map((item, i) => {
        if (!item) return null;
        const hintId = `${idPrefix}-${i + 1}-hint`;
        const statusId = `${idPrefix}-${i + 1}-status`;
        return (
          <li class={cx('govuk-task-list__item', item.href && 'govuk-task-list__item--with-link', item.classes)}>
            <div class="govuk-task-list__name-and-hint">
              {item.href ? (
                <a class={cx('govuk-link govuk-task-list__link', item.title.classes)} href={item.href} aria-describedby={`${item.hint ? `${hintId} ` : ''}${statusId}`}>
                  {content(item.title)}
                </a>
              ) : (
                <div class={item.title.classes || undefined}>{content(item.title)}</div>
              )}
              {item.hint ? (
                <div id={hintId} class="govuk-task-list__hint">
                  {content(item.hint)}
                </div>
              ) : null}
            </div>
            <div class={cx('govuk-task-list__status', item.status.classes)} id={statusId}>
              {item.status.tag ? <Tag {...item.status.tag} /> : content(item.status)}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
