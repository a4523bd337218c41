// /admin/sms: the SMS outbox for département admins. Without SMS_HTTP_URL (development, demos) it is where the
// appointment SMS are read. The list shows the numbers masked; the page of one SMS shows it whole, journaled.
import { count, desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { recordAudit } from '../audit/record.ts';
import type { AppEnv } from '../http/context.ts';
import { allow } from '../http/guard.ts';
import { pageContext } from '../http/render.tsx';
import { formatParisDateTime } from '../time/paris.ts';
import { AdminNav } from '../views/admin-nav.tsx';
import { BackLink, InsetText, SummaryList, Table } from '../views/components/index.ts';
import { StatusTag } from '../mail/mails.page.tsx';
import { Layout, type PageContext } from '../views/layout.tsx';
import { smsOutbox } from './sms.table.ts';

type SmsRow = typeof smsOutbox.$inferSelect;
const LIST_LIMIT = 200;

/** +33612345678 → « +33 6 •• •• •• 78 »: enough to tell two messages apart in a list. */
export function maskedNumber(to: string): string {
  return to.length > 6 ? `${to.slice(0, 4)}••••${to.slice(-2)}` : '••••';
}

function SmsListPage(props: { ctx: PageContext; rows: SmsRow[]; total: number; gateway: boolean }) {
  return (
    <Layout ctx={props.ctx} title="SMS">
      <AdminNav current="/admin/sms" />
      <h1 class="govuk-heading-l">SMS</h1>
      {props.gateway ? (
        <p class="govuk-body">Les SMS envoyés par Relais, les plus récents d’abord.</p>
      ) : (
        <InsetText text="Aucune passerelle SMS n’est configurée (variable SMS_HTTP_URL) : les SMS ne partent pas, ils sont conservés ici pour que vous puissiez les lire." />
      )}
      {props.rows.length === 0 ? (
        <p class="govuk-body">Aucun SMS pour l’instant.</p>
      ) : (
        <Table
          caption={props.total > props.rows.length ? `Les ${props.rows.length} plus récents sur ${props.total}` : `${props.total} SMS`}
          captionClasses="govuk-table__caption--m"
          head={[{ text: 'Date' }, { text: 'Numéro' }, { text: 'Message' }, { text: 'État' }]}
          rows={props.rows.map((m) => [
            { text: formatParisDateTime(m.createdAt) },
            { text: maskedNumber(m.to) },
            { html: <a class="govuk-link" href={`/admin/sms/${m.id}`}>{m.text.length > 60 ? `${m.text.slice(0, 60)}…` : m.text}</a> },
            { html: <StatusTag status={m.status} /> },
          ])}
        />
      )}
    </Layout>
  );
}

export const smsAdminRoutes = new Hono<AppEnv>();

smsAdminRoutes.get('/admin/sms', allow.staff('admin'), async (c) => {
  const { db, config } = c.get('deps');
  const rows = await db.select().from(smsOutbox).orderBy(desc(smsOutbox.createdAt), desc(smsOutbox.id)).limit(LIST_LIMIT);
  const [total] = await db.select({ n: count() }).from(smsOutbox);
  return c.html(<SmsListPage ctx={await pageContext(c)} rows={rows} total={total?.n ?? 0} gateway={!!config.sms.httpUrl} />);
});

smsAdminRoutes.get('/admin/sms/:id', allow.staff('admin'), async (c) => {
  const { db, clock } = c.get('deps');
  if (!/^[0-9]{1,15}$/.test(c.req.param('id'))) return c.notFound();
  const [sms] = await db.select().from(smsOutbox).where(eq(smsOutbox.id, Number(c.req.param('id'))));
  if (!sms) return c.notFound();
  const principal = c.get('principal');
  await recordAudit(db, {
    at: clock.now(),
    actorId: principal.kind === 'anonymous' ? null : principal.userId,
    actorLabel: principal.kind === 'anonymous' ? 'visiteur anonyme' : principal.email,
    action: 'sms.viewed',
    subjectType: 'sms',
    subjectId: String(sms.id),
    requestId: c.get('requestId'),
    details: { to: maskedNumber(sms.to) },
  });
  return c.html(
    <Layout ctx={await pageContext(c)} title={`SMS n° ${sms.id}`} beforeContent={<BackLink href="/admin/sms" text="Tous les SMS" />}>
      <h1 class="govuk-heading-l">SMS n° {sms.id}</h1>
      <SummaryList
        rows={[
          { key: { text: 'Numéro' }, value: { text: sms.to } },
          { key: { text: 'État' }, value: { html: <StatusTag status={sms.status} /> } },
          { key: { text: 'Créé le' }, value: { text: formatParisDateTime(sms.createdAt) } },
          sms.sentAt ? { key: { text: 'Envoyé le' }, value: { text: formatParisDateTime(sms.sentAt) } } : null,
          sms.lastError ? { key: { text: 'Dernière erreur' }, value: { text: sms.lastError } } : null,
        ]}
      />
      <h2 class="govuk-heading-m">Message</h2>
      <p class="govuk-body">{sms.text}</p>
    </Layout>,
  );
});
