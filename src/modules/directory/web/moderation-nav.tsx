// The directory section of the administration area: the admin navigation, then the section's own
// sub-navigation with what waits for the team (counts), and a one-time message after an action.
import type { Child } from 'hono/jsx';
import { AdminNav } from '../../../platform/views/admin-nav.tsx';
import { NotificationBanner, SubNavigation } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { ModerationCounts } from '../db/moderation-queries.ts';

export interface Flash {
  kind: 'success' | 'important';
  text: string;
  /** Lines under the text (e.g. each field that could not be reverted). */
  details?: string[];
}

const n = (count: number) => (count > 0 ? ` (${count})` : '');

export function ModerationLayout(props: {
  ctx: PageContext;
  title: string;
  current: string;
  counts: ModerationCounts;
  flash?: Flash | undefined;
  hasErrors?: boolean;
  children?: Child;
}) {
  const { counts } = props;
  const items = [
    { href: '/admin/annuaire', text: 'Qualité des fiches' },
    { href: '/admin/annuaire/moderation', text: `Modifications à relire${n(counts.pendingBatches)}` },
    { href: '/admin/annuaire/signalements', text: `Erreurs signalées${n(counts.openReports)}` },
    { href: '/admin/annuaire/demandes', text: `Demandes de gestion${n(counts.pendingClaims)}` },
    { href: '/admin/annuaire/import', text: 'Importer des lieux' },
  ];
  return (
    <Layout ctx={props.ctx} title={props.title} hasErrors={props.hasErrors ?? false}>
      <AdminNav current="/admin/annuaire" principal={props.ctx.principal} />
      <SubNavigation label="Annuaire" items={items.map((i) => ({ ...i, active: i.href === props.current }))} />
      {props.flash ? (
        <NotificationBanner
          type={props.flash.kind === 'success' ? 'success' : undefined}
          html={
            <>
              <p class="govuk-notification-banner__heading">{props.flash.text}</p>
              {props.flash.details?.length ? (
                <ul class="govuk-list govuk-list--bullet">
                  {props.flash.details.map((d) => (
                    <li>{d}</li>
                  ))}
                </ul>
              ) : null}
            </>
          }
        />
      ) : null}
      {props.children}
    </Layout>
  );
}

/** A stored value as a person reads it: « (vide) », one line, or a list. */
export function ValueView({ lines }: { lines: string[] }) {
  if (lines.length === 0) return <span class="govuk-hint govuk-!-margin-bottom-0">(vide)</span>;
  if (lines.length === 1) return <>{lines[0]}</>;
  return (
    <ul class="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
      {lines.map((l) => (
        <li>{l}</li>
      ))}
    </ul>
  );
}

/** A wide table: on a small screen it scrolls in its own region, which the keyboard can reach. */
export function ScrollRegion({ label, children }: { label: string; children?: Child }) {
  return (
    <div class="relais-table-scroll" role="region" aria-label={label} tabindex={0}>
      {children}
    </div>
  );
}
