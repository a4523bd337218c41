// /admin/courriels: the outbox for département admins. Without SMTP_URL (development, demos) it is where the
// sign-up, reset and invitation mails are read. Reading one mail is journaled: it may hold a reset link.
import { count, desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { recordAudit } from '../audit/record.ts';
import type { AppEnv } from '../http/context.ts';
import { allow } from '../http/guard.ts';
import { pageContext } from '../http/render.tsx';
import { mailOutbox } from './mail.table.ts';
import { MailListPage, MailPage } from './mails.page.tsx';

const LIST_LIMIT = 200;

export const mailAdminRoutes = new Hono<AppEnv>();

mailAdminRoutes.get('/admin/courriels', allow.staff('admin'), async (c) => {
  const { db, config } = c.get('deps');
  const mails = await db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id)).limit(LIST_LIMIT);
  const [total] = await db.select({ n: count() }).from(mailOutbox);
  return c.html(<MailListPage ctx={await pageContext(c)} mails={mails} total={total?.n ?? 0} smtpConfigured={!!config.smtpUrl} />);
});

mailAdminRoutes.get('/admin/courriels/:id', allow.staff('admin'), async (c) => {
  const { db, clock } = c.get('deps');
  if (!/^[0-9]{1,15}$/.test(c.req.param('id'))) return c.notFound();
  const id = Number(c.req.param('id'));
  const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  if (!mail) return c.notFound();
  const principal = c.get('principal');
  await recordAudit(db, {
    at: clock.now(),
    actorId: principal.kind === 'anonymous' ? null : principal.userId,
    actorLabel: principal.kind === 'anonymous' ? 'visiteur anonyme' : principal.email,
    action: 'mail.viewed',
    subjectType: 'mail',
    subjectId: String(mail.id),
    requestId: c.get('requestId'),
    details: { to: mail.to, subject: mail.subject },
  });
  return c.html(<MailPage ctx={await pageContext(c)} mail={mail} />);
});
