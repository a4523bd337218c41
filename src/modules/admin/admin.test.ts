import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/audit.table.ts';
import { mailOutbox } from '../../platform/mail/mail.table.ts';
import { signInStaff } from '../../../tests/support/sign-in.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app.ts';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await signInStaff(t, 'admin@demo.relais.test')).client;
});
afterAll(() => t.close());

const userIdOf = (location: string | null) => location!.match(/\/admin\/utilisateurs\/([0-9a-f-]{36})$/)![1]!;

describe('administration of users', () => {
  it('is refused to staff who are not admins', async () => {
    const { client: agent } = await signInStaff(t, 'agent@demo.relais.test');
    for (const path of ['/admin', '/admin/utilisateurs', '/admin/utilisateurs/inviter', '/admin/journal']) {
      expect((await agent.get(path)).status, path).toBe(403);
    }
    await agent.get('/compte');
    const post = await agent.post('/admin/utilisateurs/inviter', { nom: 'X', email: 'x@exemple.fr', role: 'admin' });
    expect(post.status).toBe(403);
  });

  it('answers bad input of the invitation form next to each field, keeping the answers', async () => {
    await admin.get('/admin/utilisateurs/inviter');
    const res = await admin.post('/admin/utilisateurs/inviter', { nom: 'Paul Martin', email: 'pas-une-adresse', role: 'structure_member', communes: '35238, 99999' });
    expect(res.status).toBe(422);
    expect(res.html).toContain('Erreur : Inviter une personne');
    expect(res.html).toContain('Choisissez la structure de la personne');
    expect(res.html).toContain('Ce code n’est pas une commune du département : 99999');
    expect(res.html).toContain('value="Paul Martin"');
    expect(res.html).toContain('value="35238, 99999"');
  });

  it('invites an agent scoped to a social centre: account, role, mail with the link, journal', async () => {
    const page = await admin.get('/admin/utilisateurs/inviter');
    const centreId = page.html.match(/<option value="([0-9a-f-]{36})">CDAS de Vitré<\/option>/)?.[1];
    expect(centreId).toBeDefined();
    const res = await admin.post('/admin/utilisateurs/inviter', {
      nom: 'Paul Martin',
      email: 'Paul.Martin@exemple.fr',
      role: 'agent',
      centre: centreId!,
      communes: '',
    });
    expect(res.status).toBe(303);
    const id = userIdOf(res.location);
    const user = await admin.get(`/admin/utilisateurs/${id}`);
    expect(user.html).toContain('Invitation envoyée à Paul.Martin@exemple.fr.');
    expect(user.html).toContain('CDAS de Vitré');
    expect(user.html).toContain('Invité');
    const [mail] = await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'paul.martin@exemple.fr'));
    expect(mail?.text).toMatch(/\/invitation\/[\w-]{20,}/);
    const events = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(events.map((e) => e.action).sort()).toEqual(['account.invited', 'role.granted']);
    expect(events.every((e) => e.actorLabel === 'admin@demo.relais.test')).toBe(true);
  });

  it('adds and removes a role, with a confirmation before removing', async () => {
    const list = await admin.get('/admin/utilisateurs?q=structure');
    const id = list.html.match(/href="\/admin\/utilisateurs\/([0-9a-f-]{36})"/)![1]!;
    await admin.get(`/admin/utilisateurs/${id}`);
    const added = await admin.post(`/admin/utilisateurs/${id}/roles`, { role: 'agent', centre: '', communes: '35238' });
    expect(added.status).toBe(303);
    const page = await admin.get(`/admin/utilisateurs/${id}`);
    expect(page.html).toContain('communes : Rennes');
    const grantId = [...page.html.matchAll(/\/roles\/([0-9a-f-]{36})\/retirer/g)].map((m) => m[1]!).at(-1)!;
    const confirm = await admin.get(`/admin/utilisateurs/${id}/roles/${grantId}/retirer`);
    expect(confirm.html).toContain('Retirer le rôle « Agent du département');
    const removed = await admin.post(`/admin/utilisateurs/${id}/roles/${grantId}/retirer`, {});
    expect(removed.status).toBe(303);
    expect((await admin.get(`/admin/utilisateurs/${id}`)).html).not.toContain('communes : Rennes');
  });

  it('deactivates an account: its open session ends at once', async () => {
    const { client: partner } = await signInStaff(t, 'caf@demo.relais.test');
    expect((await partner.get('/compte')).status).toBe(200);
    const list = await admin.get('/admin/utilisateurs?q=caf');
    const id = list.html.match(/href="\/admin\/utilisateurs\/([0-9a-f-]{36})"/)![1]!;
    await admin.get(`/admin/utilisateurs/${id}`);
    const res = await admin.post(`/admin/utilisateurs/${id}/desactiver`, {});
    expect(res.status).toBe(303);
    expect((await admin.get(`/admin/utilisateurs/${id}`)).html).toContain('Désactivé');
    const after = await partner.request('/compte');
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/connexion/);
  });

  it('resets the second factor of a person who lost their phone', async () => {
    await signInStaff(t, 'structure@demo.relais.test');
    const list = await admin.get('/admin/utilisateurs?q=structure');
    const id = list.html.match(/href="\/admin\/utilisateurs\/([0-9a-f-]{36})"/)![1]!;
    expect((await admin.get(`/admin/utilisateurs/${id}`)).html).toContain('Configurée');
    const res = await admin.post(`/admin/utilisateurs/${id}/double-authentification`, {});
    expect(res.status).toBe(303);
    const page = await admin.get(`/admin/utilisateurs/${id}`);
    expect(page.html).toContain('Double authentification réinitialisée');
    expect(page.html).toContain('Pas encore configurée');
  });

  it('answers 404, not an error, for an unknown or malformed user id', async () => {
    expect((await admin.get('/admin/utilisateurs/pas-un-identifiant')).status).toBe(404);
    expect((await admin.get('/admin/utilisateurs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('audit journal', () => {
  it('lists the events with filters, and journals its own reading', async () => {
    const all = await admin.get('/admin/journal?action=auth.');
    expect(all.status).toBe(200);
    expect(all.html).toContain('Connexion');
    expect(all.html).not.toContain('Invitation envoyée</td>');
    const invited = await admin.get('/admin/journal?action=account.invited');
    expect(invited.html).toContain('Invitation envoyée');
    const [viewed] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'audit.viewed'), eq(auditEvents.actorLabel, 'admin@demo.relais.test')))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(viewed?.details).toMatchObject({ filters: { action: 'account.invited' } });
  });

  it('explains a wrong date next to the field', async () => {
    const res = await admin.get('/admin/journal?du=31/02/2026&au=01/01/2026');
    expect(res.status).toBe(422);
    expect(res.html).toContain('La date de début doit être une vraie date, par exemple 01/11/2026');
  });
});
