import { AdminNav } from '../views/admin-nav.tsx';
import type { Child } from 'hono/jsx';
import { BackLink, InsetText, SummaryList, Table, Tag } from '../views/components/index.ts';
import { formatParisDateTime } from '../time/paris.ts';
import { Layout, type PageContext } from '../views/layout.tsx';
import type { mailOutbox } from './mail.table.ts';

export type MailRow = typeof mailOutbox.$inferSelect;

const when = (d: Date | null) => (d ? formatParisDateTime(d) : '—');

/** The state of a message in an outbox (mails, SMS): both have the same four. */
export type OutboxStatus = MailRow['status'];

const statusTags: Record<OutboxStatus, { text: string; classes: string }> = {
  pending: { text: 'En attente', classes: 'govuk-tag--yellow' },
  kept: { text: 'Conservé', classes: 'govuk-tag--blue' },
  sent: { text: 'Envoyé', classes: 'govuk-tag--green' },
  failed: { text: 'Échec', classes: 'govuk-tag--red' },
};

export function StatusTag({ status }: { status: OutboxStatus }) {
  return <Tag {...statusTags[status]} />;
}

export function MailListPage(props: { ctx: PageContext; mails: MailRow[]; smtpConfigured: boolean; total: number }) {
  return (
    <Layout ctx={props.ctx} title="Courriels">
      <AdminNav current="/admin/courriels" />
      <h1 class="govuk-heading-l">Courriels</h1>
      {props.smtpConfigured ? (
        <p class="govuk-body">Les courriels envoyés par Relais, les plus récents d’abord.</p>
      ) : (
        <InsetText
          text="Aucun serveur d’envoi n’est configuré (variable SMTP_URL) : les courriels ne partent pas, ils sont conservés ici pour que vous puissiez les lire."
        />
      )}
      {props.mails.length === 0 ? (
        <p class="govuk-body">Aucun courriel pour l’instant.</p>
      ) : (
        <>
          <Table
            caption={props.total > props.mails.length ? `Les ${props.mails.length} plus récents sur ${props.total}` : `${props.total} courriel${props.total > 1 ? 's' : ''}`}
            captionClasses="govuk-table__caption--m"
            head={[{ text: 'Date' }, { text: 'Destinataire' }, { text: 'Objet' }, { text: 'État' }]}
            rows={props.mails.map((m) => [
              { text: when(m.createdAt) },
              { text: m.to },
              { html: <a class="govuk-link" href={`/admin/courriels/${m.id}`}>{m.subject}</a> },
              { html: <StatusTag status={m.status} /> },
            ])}
          />
        </>
      )}
    </Layout>
  );
}

const urlPattern = /(https?:\/\/[^\s<>"]+)/g;

/** The plain-text body as paragraphs, with its links clickable (reset and invitation links are the point here). */
function MailBody({ text }: { text: string }) {
  const paragraphs = text.split(/\r?\n\s*\r?\n/);
  return (
    <div class="relais-mail-body">
      {paragraphs.map((p) => {
        const lines = p.split(/\r?\n/);
        const parts: Child[] = [];
        lines.forEach((line, i) => {
          if (i > 0) parts.push(<br />);
          for (const piece of line.split(urlPattern)) {
            parts.push(/^https?:\/\//.test(piece) ? <a class="govuk-link" href={piece}>{piece}</a> : piece);
          }
        });
        return <p class="govuk-body">{parts}</p>;
      })}
    </div>
  );
}

export function MailPage(props: { ctx: PageContext; mail: MailRow }) {
  const m = props.mail;
  return (
    <Layout ctx={props.ctx} title={`Courriel : ${m.subject}`} beforeContent={<BackLink href="/admin/courriels" text="Tous les courriels" />}>
      <span class="govuk-caption-l">Courriel n° {m.id}</span>
      <h1 class="govuk-heading-l">{m.subject}</h1>
      <SummaryList
        rows={[
          { key: { text: 'Destinataire' }, value: { text: m.to } },
          { key: { text: 'État' }, value: { html: <StatusTag status={m.status} /> } },
          { key: { text: 'Créé le' }, value: { text: when(m.createdAt) } },
          m.sentAt ? { key: { text: 'Envoyé le' }, value: { text: when(m.sentAt) } } : null,
          m.attempts > 0 ? { key: { text: 'Tentatives d’envoi' }, value: { text: m.attempts } } : null,
          m.lastError ? { key: { text: 'Dernière erreur' }, value: { text: m.lastError } } : null,
          m.attachments?.length ? { key: { text: 'Pièces jointes' }, value: { text: m.attachments.map((a) => a.filename).join(', ') } } : null,
        ]}
      />
      <h2 class="govuk-heading-m">Message</h2>
      <MailBody text={m.text} />
    </Layout>
  );
}
