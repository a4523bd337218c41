import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInStaff } from '../../../tests/support/sign-in.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app.ts';
import { auditEvents } from '../audit/audit.table.ts';
import { inTransaction } from '../db/transaction.ts';
import { jobs } from '../jobs/jobs.table.ts';
import { runDueJobs } from '../jobs/worker.ts';
import { mailOutbox } from './mail.table.ts';
import { enqueueMail } from './outbox.ts';
import { mailJobHandlers } from './send-mail.ts';

let t: TestApp;
let admin: TestClient;
let keptId: number;

beforeAll(async () => {
  t = await createTestApp();
  await t.deps.db.delete(jobs);
  await t.deps.db.delete(mailOutbox);
  keptId = await inTransaction(t.deps.db, (tx) =>
    enqueueMail(
      tx,
      {
        to: 'nouvel.agent@example.fr',
        subject: 'Votre accès à Relais',
        text: 'Bonjour Amélie,\n\nPour activer votre accès, ouvrez ce lien :\nhttps://relais.test/invitation/abc123\n\nÀ bientôt.',
      },
      t.clock.now(),
    ),
  );
  // No SMTP_URL in tests: the worker keeps it.
  await runDueJobs({ db: t.deps.db, clock: t.clock, logger: t.deps.logger }, mailJobHandlers({ smtpUrl: undefined, from: 'x', messageIdDomain: 'relais.test' }));
  admin = (await signInStaff(t, 'admin@demo.relais.test')).client;
});
afterAll(() => t.close());

describe('admin mails page', () => {
  it('lists the kept mails in a table, with the reason they were not sent', async () => {
    const { status, html } = await admin.get('/admin/courriels');
    expect(status).toBe(200);
    expect(html).toContain('<h1 class="govuk-heading-l">Courriels</h1>');
    expect(html).toContain('Aucun serveur d’envoi n’est configuré (variable SMTP_URL)');
    expect(html).toContain('<table class="govuk-table">');
    expect(html).toContain('nouvel.agent@example.fr');
    expect(html).toContain(`<a class="govuk-link" href="/admin/courriels/${keptId}">Votre accès à Relais</a>`);
    expect(html).toContain('<strong class="govuk-tag govuk-tag--blue">Conservé</strong>');
  });

  it('shows one mail with its text and a clickable link, and journals the reading', async () => {
    const { status, html } = await admin.get(`/admin/courriels/${keptId}`);
    expect(status).toBe(200);
    expect(html).toContain('<title>Courriel : Votre accès à Relais');
    expect(html).toContain('<p class="govuk-body">Bonjour Amélie,</p>');
    expect(html).toContain('<a class="govuk-link" href="https://relais.test/invitation/abc123">https://relais.test/invitation/abc123</a>');
    expect(html).toContain('href="/admin/courriels"');
    const events = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'mail.viewed'), eq(auditEvents.subjectId, String(keptId))));
    expect(events).toHaveLength(1);
    expect(events[0]!.actorLabel).toBe('admin@demo.relais.test');
  });

  it('escapes what a mail contains', async () => {
    const id = await inTransaction(t.deps.db, (tx) =>
      enqueueMail(tx, { to: 'x@example.fr', subject: '<script>alert(1)</script>', text: '<img src=x onerror=alert(1)>' }, t.clock.now()),
    );
    const { html } = await admin.get(`/admin/courriels/${id}`);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('answers 404 for a mail that does not exist', async () => {
    expect((await admin.get('/admin/courriels/999999999')).status).toBe(404);
    expect((await admin.get('/admin/courriels/abc')).status).toBe(404);
  });

  it('is refused to anyone who is not a département admin', async () => {
    const anonymous = await t.client().request('/admin/courriels');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/connexion?retour=%2Fadmin%2Fcourriels');
    const { client: agent } = await signInStaff(t, 'agent@demo.relais.test');
    expect((await agent.get('/admin/courriels')).status).toBe(403);
    expect((await agent.get(`/admin/courriels/${keptId}`)).status).toBe(403);
  });
});
