import { randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../tests/support/test-app.ts';
import { signInStaff } from '../../../tests/support/sign-in.ts';
import { createStaffUser, signedInAs, type StaffRole, type StaffUser } from '../../../tests/support/staff-session.ts';
import { randomIds } from '../../platform/clock.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { sha256 } from '../../platform/security/secret-token.ts';
import { auditEvents, jobs, mailOutbox, rateLimits } from '../../schema.ts';
import { nextDailyRun } from '../../platform/jobs/daily.ts';
import { createService, createStructure, orientationAttachments, orientations } from '../directory/index.ts';
import { orientationJobHandlers } from './index.ts';
import { runDueJobs } from '../../platform/jobs/worker.ts';
import { enqueueJob } from '../../platform/jobs/enqueue.ts';
import pino from 'pino';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { PUBLIC_URL: 'http://relais.exemple.fr' } });
});
afterAll(() => t.close());
beforeEach(async () => {
  // Wrong links are rate-limited per IP address; each test starts with a clean slate.
  await t.deps.db.delete(rateLimits);
});

const DAY = 86_400_000;
type Role = StaffRole;

/** A staff user with one role, TOTP enrolled. */
const staffUser = (role: Role, structureId: string | null = null): Promise<StaffUser> => createStaffUser(t, role, { structureId });

/** A new signed-in browser for the user (the rows sign-in and the TOTP step leave behind), valid at the clock's time. */
const as = (user: StaffUser): Promise<TestClient> => signedInAs(t, user);

/** A structure and one of its services, through the directory's one write path. */
async function fixture(opts: { serviceEmail?: string | null; structureEmail?: string | null; hidden?: boolean } = {}) {
  const deps = { clock: t.clock, ids: randomIds };
  const actor = { userId: null, kind: 'departement' as const };
  const tag = randomUUID().slice(0, 6);
  return inTransaction(t.deps.db, async (tx) => {
    const structureId = await createStructure(
      tx,
      deps,
      { name: `Centre social ${tag}`, kind: 'centre_social', email: opts.structureEmail === undefined ? `accueil-${tag}@centre.exemple.fr` : opts.structureEmail },
      actor,
    );
    const serviceId = await createService(
      tx,
      deps,
      {
        structureId,
        name: `Aide aux démarches ${tag}`,
        summary: 'Un conseiller aide à faire les démarches en ligne.',
        email: opts.serviceEmail === undefined ? `demarches-${tag}@centre.exemple.fr` : opts.serviceEmail,
        status: opts.hidden ? 'hidden' : 'published',
      },
      actor,
    );
    return { structureId, serviceId, tag };
  });
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);

interface Upload {
  name: string;
  type: string;
  bytes: Buffer;
}

const valid = {
  firstName: 'Aïcha',
  lastName: 'Benali',
  phone: '06 12 34 56 78',
  email: '',
  contactPreference: 'telephone',
  situation: 'Mme Benali doit déclarer ses ressources à la CAF en ligne et n’a pas d’ordinateur.\nElle est disponible le matin.',
  consent: 'oui',
};

/** Posts the form as a browser does: multipart, with an empty file part when no file is chosen. */
async function postForm(client: TestClient, serviceId: string, fields: Record<string, string>, files: Upload[] = []) {
  const form = new FormData();
  form.append('_csrf', client.csrf ?? '');
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (files.length === 0) form.append('attachments', new File([], '', { type: 'application/octet-stream' }));
  for (const f of files) form.append('attachments', new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
  const res = await client.request(`/orientations/nouvelle?service=${serviceId}`, { method: 'POST', body: form });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
}

async function mailsTo(to: string) {
  return t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(desc(mailOutbox.id));
}

const linkIn = (text: string) => /http:\/\/relais\.exemple\.fr(\/orientations\/reponse\/[A-Za-z0-9_-]+)/.exec(text)![1]!;

async function audits(action: string, subjectId: string) {
  return t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.subjectId, subjectId)));
}

/** An agent sends a valid orientation; returns its row and the link mailed to the structure. */
async function send(agent: StaffUser, f: Awaited<ReturnType<typeof fixture>>, files: Upload[] = []) {
  const client = await as(agent);
  await client.get(`/orientations/nouvelle?service=${f.serviceId}`);
  const res = await postForm(client, f.serviceId, valid, files);
  expect(res.status, res.html.slice(0, 2000)).toBe(303);
  const id = new URL(res.location!, 'http://x').searchParams.get('envoyee')!;
  const [row] = await t.deps.db.select().from(orientations).where(eq(orientations.id, id));
  const [mail] = await mailsTo(`demarches-${f.tag}@centre.exemple.fr`);
  return { row: row!, link: linkIn(mail!.text), client };
}

const errorSummary = (html: string) => [...html.matchAll(/<a href="#([A-Za-z]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);

describe('the orientation form', () => {
  it('shows the service and its structure to an agent, with the consent text', async () => {
    const f = await fixture();
    const { client } = await signInStaff(t, 'agent@demo.relais.test');
    const { status, html } = await client.get(`/orientations/nouvelle?service=${f.serviceId}`);
    expect(status).toBe(200);
    expect(html).toContain(`Orienter une personne vers « Aide aux démarches ${f.tag} »`);
    expect(html).toContain(`Centre social ${f.tag}`);
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain(`seront transmis à Centre social ${f.tag}`);
    expect(html).toContain('Tout est effacé 365 jours après l’envoi');
    expect(html).toContain('type="file"');
  });

  it('is for agents, structure members, partners and admins only', async () => {
    const f = await fixture();
    const path = `/orientations/nouvelle?service=${f.serviceId}`;
    for (const role of ['agent', 'structure_member', 'partner_agent', 'admin'] as const) {
      expect((await (await as(await staffUser(role, role.endsWith('member') || role === 'partner_agent' ? f.structureId : null))).get(path)).status, role).toBe(200);
    }
    expect((await (await as(await staffUser('directory_moderator'))).get(path)).status).toBe(403);
    const anonymous = await t.client().request(path);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/connexion/);
  });

  it('answers 404 for an unknown, malformed or hidden service', async () => {
    const agent = await as(await staffUser('agent'));
    const hidden = await fixture({ hidden: true });
    for (const s of [randomUUID(), 'nimporte', '', hidden.serviceId]) {
      expect((await agent.get(`/orientations/nouvelle?service=${s}`)).status, s).toBe(404);
    }
  });

  it('sends a valid orientation: row, attachment, journal and mail with a link whose token is stored hashed', async () => {
    const f = await fixture();
    const agent = await staffUser('agent');
    const before = t.clock.now();
    const { row, link } = await send(agent, f, [{ name: 'attestation CAF.pdf', type: 'application/pdf', bytes: PDF }]);
    expect(row).toMatchObject({
      status: 'open',
      serviceId: f.serviceId,
      receiverStructureId: f.structureId,
      senderUserId: agent.userId,
      personFirstName: 'Aïcha',
      personLastName: 'Benali',
      personPhone: '+33612345678',
      personEmail: null,
      contactPreference: 'telephone',
    });
    expect(row.expiresAt.getTime() - before.getTime()).toBe(30 * DAY);
    const [att] = await t.deps.db.select().from(orientationAttachments).where(eq(orientationAttachments.orientationId, row.id));
    expect(att).toMatchObject({ fileName: 'attestation CAF.pdf', contentType: 'application/pdf', size: PDF.length });
    expect(Buffer.from(att!.data).equals(PDF)).toBe(true);
    expect(await audits('orientation.created', row.id)).toHaveLength(1);

    const [mail] = await mailsTo(`demarches-${f.tag}@centre.exemple.fr`);
    expect(mail!.subject).toBe(`Une personne vous est orientée : Aide aux démarches ${f.tag}`);
    expect(mail!.text).toContain(`Test agent (${agent.email}) vous oriente une personne`);
    // The mail carries the link only, none of the person's data.
    expect(mail!.text).not.toContain('Benali');
    expect(mail!.text).not.toContain('06 12');
    const token = link.split('/').pop()!;
    expect(row.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    // Only the service's address is written to when it has one.
    expect(await mailsTo(`accueil-${f.tag}@centre.exemple.fr`)).toHaveLength(0);
  });

  it('tells the sender it was sent, in their list', async () => {
    const f = await fixture();
    const agent = await staffUser('agent');
    const client = await as(agent);
    await client.get(`/orientations/nouvelle?service=${f.serviceId}`);
    const res = await postForm(client, f.serviceId, valid);
    const list = await client.get(res.location!);
    expect(list.html).toContain(`Votre orientation a été envoyée à Centre social ${f.tag}`);
    expect(list.html).toContain('Aïcha Benali');
    expect(list.html).toContain('En attente');
  });

  it('writes to the structure when the service has no address, else to its members', async () => {
    const agent = await staffUser('agent');
    const viaStructure = await fixture({ serviceEmail: null });
    const client = await as(agent);
    await client.get(`/orientations/nouvelle?service=${viaStructure.serviceId}`);
    expect((await postForm(client, viaStructure.serviceId, valid)).status).toBe(303);
    expect(await mailsTo(`accueil-${viaStructure.tag}@centre.exemple.fr`)).toHaveLength(1);

    const viaMembers = await fixture({ serviceEmail: null, structureEmail: null });
    const m1 = await staffUser('structure_member', viaMembers.structureId);
    const m2 = await staffUser('structure_member', viaMembers.structureId);
    await client.get(`/orientations/nouvelle?service=${viaMembers.serviceId}`);
    expect((await postForm(client, viaMembers.serviceId, valid)).status).toBe(303);
    for (const m of [m1, m2]) expect(linkIn((await mailsTo(m.email))[0]!.text)).toMatch(/^\/orientations\/reponse\//);
  });

  it('says so when nobody at the structure can be told, and sends nothing', async () => {
    const f = await fixture({ serviceEmail: null, structureEmail: null });
    const client = await as(await staffUser('agent'));
    const page = await client.get(`/orientations/nouvelle?service=${f.serviceId}`);
    expect(page.html).toContain('ne peut pas encore recevoir d’orientation');
    expect(page.html).not.toContain('enctype="multipart/form-data"');
    const res = await postForm(client, f.serviceId, valid);
    expect(res.status).toBe(422);
    expect(await t.deps.db.select().from(orientations).where(eq(orientations.receiverStructureId, f.structureId))).toHaveLength(0);
  });

  it.each([
    ['firstName', { firstName: ' ' }, 'Saisissez le prénom de la personne'],
    ['lastName', { lastName: '' }, 'Saisissez le nom de la personne'],
    ['phone', { phone: '12 34' }, 'Saisissez un numéro de téléphone français, par exemple 06 12 34 56 78'],
    ['phone', { phone: '', email: '' }, 'Saisissez le téléphone ou l’adresse e-mail de la personne (au moins l’un des deux)'],
    ['phone', { phone: '', email: 'aicha@exemple.fr' }, 'Saisissez le téléphone de la personne, puisqu’elle préfère être contactée par téléphone'],
    ['email', { email: 'aicha@' }, 'Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr'],
    ['email', { contactPreference: 'courriel' }, 'Saisissez l’adresse e-mail de la personne, puisqu’elle préfère être contactée par e-mail'],
    ['contactPreference', { contactPreference: 'pigeon' }, 'Choisissez comment la structure doit contacter la personne'],
    ['situation', { situation: '  ' }, 'Décrivez la situation de la personne et ce qu’elle attend du service'],
    ['situation', { situation: 'é'.repeat(4001) }, 'La situation doit faire 4\u202f000 caractères au maximum'],
    ['consent', { consent: '' }, 'Cochez la case pour confirmer que la personne est d’accord avec cet envoi'],
  ])('refuses a bad %s with a French message next to it, keeping the other answers', async (field, change, message) => {
    const f = await fixture();
    const client = await as(await staffUser('agent'));
    await client.get(`/orientations/nouvelle?service=${f.serviceId}`);
    const res = await postForm(client, f.serviceId, { ...valid, ...change }, [{ name: 'a.pdf', type: 'application/pdf', bytes: PDF }]);
    expect(res.status).toBe(422);
    expect(errorSummary(res.html)).toEqual([[field, message]]);
    expect(res.html).toContain(`id="${field}-error"`);
    expect(res.html).toContain('<title>Erreur : Orienter une personne');
    // The other answers are kept; the chosen file cannot be, and the page says so.
    if (field !== 'lastName') expect(res.html).toContain('value="Benali"');
    if (field !== 'situation') expect(res.html).toContain('n’a pas d’ordinateur');
    expect(res.html).toContain('Les fichiers que vous aviez choisis n’ont pas été gardés');
    expect(await t.deps.db.select().from(orientations).where(eq(orientations.receiverStructureId, f.structureId))).toHaveLength(0);
  });

  it.each([
    ['a file over 5 MB', [{ name: 'scan.pdf', type: 'application/pdf', bytes: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]) }], '« scan.pdf » est trop gros : chaque fichier doit faire 5 Mo au maximum'],
    ['a text file named .pdf', [{ name: 'faux.pdf', type: 'application/pdf', bytes: Buffer.from('pas un PDF du tout') }], '« faux.pdf » doit être un fichier PDF, JPEG ou PNG'],
    ['an HTML page named .png', [{ name: 'photo.png', type: 'image/png', bytes: Buffer.from('<html><script>alert(1)</script>') }], '« photo.png » doit être un fichier PDF, JPEG ou PNG'],
    ['four files', [1, 2, 3, 4].map((i) => ({ name: `p${i}.pdf`, type: 'application/pdf', bytes: PDF })), 'Joignez 3 fichiers au maximum (vous en avez choisi 4)'],
  ])('refuses %s', async (_what, files, message) => {
    const f = await fixture();
    const client = await as(await staffUser('agent'));
    await client.get(`/orientations/nouvelle?service=${f.serviceId}`);
    const res = await postForm(client, f.serviceId, valid, files);
    expect(res.status).toBe(422);
    expect(errorSummary(res.html)).toEqual([['attachments', message]]);
    expect(res.html).toContain('id="attachments-error"');
    expect(res.html).toContain('value="Aïcha"');
  });

  it('takes a file for what its bytes are, whatever its name, and gives it the right extension', async () => {
    const f = await fixture();
    const { row } = await send(await staffUser('agent'), f, [
      { name: 'photo-du-courrier.pdf', type: 'application/pdf', bytes: PNG },
      { name: 'C:\\Users\\moi\\avis.JPG', type: 'image/jpeg', bytes: JPEG },
      { name: 'releve', type: 'application/octet-stream', bytes: PDF },
    ]);
    const atts = await t.deps.db.select().from(orientationAttachments).where(eq(orientationAttachments.orientationId, row.id));
    expect(atts.map((a) => [a.fileName, a.contentType]).sort()).toEqual([
      ['avis.JPG', 'image/jpeg'],
      ['photo-du-courrier.pdf.png', 'image/png'],
      ['releve.pdf', 'application/pdf'],
    ]);
  });
});

describe('the answer through the e-mailed link', () => {
  it('shows the file to the link holder, without an account, and journals each view', async () => {
    const f = await fixture();
    const { row, link } = await send(await staffUser('agent'), f, [{ name: 'attestation.pdf', type: 'application/pdf', bytes: PDF }]);
    const visitor = t.client();
    const page = await visitor.get(link);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Orientation d’Aïcha Benali');
    expect(page.html).toContain('+33612345678');
    expect(page.html).toContain('n’a pas d’ordinateur.<br/>Elle est disponible le matin.');
    expect(page.html).toContain('attestation.pdf');
    expect(page.html).toContain('Envoyer la réponse');
    expect(page.res.headers.get('cache-control')).toBe('no-store');
    await visitor.get(link);
    const views = await audits('orientation.viewed', row.id);
    expect(views).toHaveLength(2);
    expect(views[0]).toMatchObject({ actorId: null, actorLabel: 'lien de réponse (structure destinataire)', details: { as: 'link' } });
  });

  it('lets the link holder download an attachment as a download, never sniffed, and journals it', async () => {
    const f = await fixture();
    const { row, link } = await send(await staffUser('agent'), f, [{ name: 'relevé bancaire.pdf', type: 'application/pdf', bytes: PDF }]);
    const page = await t.client().get(link);
    const href = /href="([^"]+\/pieces\/[^"]+)"/.exec(page.html)![1]!;
    const res = await t.client().request(href);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="releve bancaire.pdf"; filename*=UTF-8''relev%C3%A9%20bancaire.pdf`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    expect(await audits('orientation.attachment_viewed', row.id)).toHaveLength(1);
    expect((await t.client().request(`${link}/pieces/${randomUUID()}`)).status).toBe(404);
  });

  it('accepts, tells the sender by e-mail, and refuses a second answer with a clear message', async () => {
    const f = await fixture();
    const agent = await staffUser('agent');
    const { row, link } = await send(agent, f);
    const structure = t.client();
    await structure.get(link);
    const res = await structure.post(link, { decision: 'accept', reason: 'Nous l’appelons demain matin.' });
    expect(res.status).toBe(303);
    const [after] = await t.deps.db.select().from(orientations).where(eq(orientations.id, row.id));
    expect(after).toMatchObject({ status: 'accepted', answerReason: 'Nous l’appelons demain matin.', answeredBy: null });
    expect(await audits('orientation.accepted', row.id)).toHaveLength(1);
    const [mail] = await mailsTo(agent.email);
    expect(mail!.subject).toBe('Votre orientation a été acceptée');
    expect(mail!.text).toContain(`vers « Aide aux démarches ${f.tag} » (Centre social ${f.tag}) a été acceptée`);
    expect(mail!.text).toContain('Nous l’appelons demain matin.');
    expect(mail!.text).toContain('http://relais.exemple.fr/orientations');

    const shown = await structure.get(res.location!);
    expect(shown.html).toContain('Vous avez accepté l’orientation');
    expect(shown.html).not.toContain('Envoyer la réponse');
    const twice = await structure.post(link, { decision: 'refuse', reason: 'Finalement non' });
    expect(twice.status).toBe(409);
    expect(twice.html).toContain('Une réponse a déjà été donnée');
    const [still] = await t.deps.db.select().from(orientations).where(eq(orientations.id, row.id));
    expect(still!.status).toBe('accepted');
  });

  it('requires a reason to refuse (422), then refuses and gives the reason to the sender', async () => {
    const f = await fixture();
    const agent = await staffUser('agent');
    const { row, link } = await send(agent, f);
    const structure = t.client();
    await structure.get(link);
    const bad = await structure.post(link, { decision: 'refuse', reason: '  ' });
    expect(bad.status).toBe(422);
    expect(errorSummary(bad.html)).toEqual([['reason', 'Expliquez pourquoi vous refusez : la personne qui a orienté en sera informée']]);
    expect((await t.deps.db.select().from(orientations).where(eq(orientations.id, row.id)))[0]!.status).toBe('open');
    const none = await structure.post(link, {});
    expect(none.status).toBe(422);
    expect(none.html).toContain('Choisissez si vous acceptez ou refusez l’orientation');

    expect((await structure.post(link, { decision: 'refuse', reason: 'Ce service est réservé aux plus de 60 ans.' })).status).toBe(303);
    expect((await t.deps.db.select().from(orientations).where(eq(orientations.id, row.id)))[0]).toMatchObject({ status: 'refused', answerReason: 'Ce service est réservé aux plus de 60 ans.' });
    const [mail] = await mailsTo(agent.email);
    expect(mail!.subject).toBe('Votre orientation a été refusée');
    expect(mail!.text).toContain('Motif du refus :\nCe service est réservé aux plus de 60 ans.');

    const list = await (await as(agent)).get('/orientations');
    expect(list.html).toContain('Refusée');
    expect(list.html).toContain('Ce service est réservé aux plus de 60 ans.');
  });

  it('says a link has expired after 30 days (410), for reading and for answering', async () => {
    const f = await fixture();
    const { link } = await send(await staffUser('agent'), f);
    t.clock.advance(30 * DAY + 1000);
    try {
      const visitor = t.client();
      const page = await visitor.get(link);
      expect(page.status).toBe(410);
      expect(page.html).toContain('Ce lien a expiré');
      expect(page.html).not.toContain('Benali');
      // A page with a form gives the visitor a CSRF token, as the link's page did before it expired.
      await visitor.get('/connexion');
      const res = await visitor.post(link, { decision: 'accept' });
      expect(res.status).toBe(410);
    } finally {
      t.clock.advance(-(30 * DAY + 1000));
    }
  });

  it('answers a forged link with a French 404, and stops a robot trying many', async () => {
    const visitor = t.client();
    for (const forged of [randomBytes(32).toString('base64url'), 'x', "'; drop table orientations; --", '%E9%']) {
      const res = await visitor.get(`/orientations/reponse/${encodeURIComponent(forged)}`);
      expect(res.status, forged).toBe(404);
      expect(res.html).toContain('Ce lien ne fonctionne pas');
    }
    let last = 0;
    for (let i = 0; i < 12; i++) last = (await visitor.get(`/orientations/reponse/${randomBytes(32).toString('base64url')}`)).status;
    expect(last).toBe(429);
    // Even a good link waits: the address is slowed down, whatever it sends.
    const f = await fixture();
    const { link } = await send(await staffUser('agent'), f);
    const blocked = await visitor.get(link);
    expect(blocked.status).toBe(429);
    expect(blocked.html).toContain('Trop de tentatives');
  });
});

describe('who may see an orientation', () => {
  it('shows it to its sender and to the receiving structure’s members, who can answer; to nobody else', async () => {
    const f = await fixture();
    const other = await fixture();
    const agent = await staffUser('agent');
    const { row } = await send(agent, f, [{ name: 'a.pdf', type: 'application/pdf', bytes: PDF }]);
    const path = `/orientations/${row.id}`;
    const [att] = await t.deps.db.select().from(orientationAttachments).where(eq(orientationAttachments.orientationId, row.id));
    const file = `${path}/pieces/${att!.id}`;

    const sender = await as(agent);
    const seen = await sender.get(path);
    expect(seen.status).toBe(200);
    expect(seen.html).toContain('Aïcha Benali');
    expect(seen.html).not.toContain('Envoyer la réponse');
    expect((await sender.request(file)).status).toBe(200);
    expect((await sender.post(path, { decision: 'accept' })).status).toBe(404);

    const member = await as(await staffUser('structure_member', f.structureId));
    const received = await member.get('/orientations/recues');
    expect(received.html).toContain(`href="/orientations/${row.id}"`);
    expect((await member.get(path)).html).toContain('Envoyer la réponse');
    expect((await member.request(file)).status).toBe(200);

    for (const [who, user] of [
      ['another agent', await staffUser('agent')],
      ['a member of another structure', await staffUser('structure_member', other.structureId)],
      ['an admin', await staffUser('admin')],
    ] as const) {
      const client = await as(user);
      expect((await client.get(path)).status, who).toBe(404);
      expect((await client.request(file)).status, who).toBe(404);
      expect((await client.get('/orientations/recues')).html, who).not.toContain(row.id);
      expect((await client.get('/orientations')).html, who).not.toContain(row.id);
      expect((await client.post(path, { decision: 'accept' })).status, who).toBe(404);
    }
    const anonymous = t.client();
    for (const p of [path, file, '/orientations', '/orientations/recues']) {
      const res = await anonymous.request(p);
      expect(res.status, p).toBe(303);
      expect(res.headers.get('location')).toMatch(/^\/connexion/);
    }
    expect((await t.deps.db.select().from(orientations).where(eq(orientations.id, row.id)))[0]!.status).toBe('open');

    const answer = await member.post(path, { decision: 'accept', reason: '' });
    expect(answer.status).toBe(303);
    const [after] = await t.deps.db.select().from(orientations).where(eq(orientations.id, row.id));
    expect(after).toMatchObject({ status: 'accepted', answerReason: null });
    expect(after!.answeredBy).not.toBeNull();
    const views = await audits('orientation.viewed', row.id);
    expect(views.map((v) => (v.details as { as: string }).as).sort()).toEqual(['receiver', 'sender']);
  });
});

describe('expiry and anonymisation jobs', () => {
  // One run now, as the worker would do it (the next day's run each one queues is removed first).
  const run = async (kind: string) => {
    await t.deps.db.delete(jobs).where(like(jobs.kind, 'orientation.%'));
    await enqueueJob(t.deps.db, { kind }, t.clock.now());
    return runDueJobs({ db: t.deps.db, clock: t.clock, logger: pino({ level: 'silent' }) }, orientationJobHandlers(t.deps.config));
  };

  it('queues the next day’s run after each run, at 02:00 and 03:00 Paris time', async () => {
    for (const [kind, hour] of [['orientation.expire', 2], ['orientation.anonymise', 3]] as const) {
      await run(kind);
      const waiting = await t.deps.db.select().from(jobs).where(and(eq(jobs.kind, kind), eq(jobs.status, 'queued')));
      expect(waiting).toHaveLength(1);
      expect(waiting[0]!.runAt.getTime()).toBe(nextDailyRun(hour, t.clock.now()).getTime());
      expect(new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: 'numeric' }).format(waiting[0]!.runAt)).toBe(`${String(hour).padStart(2, '0')} h`);
    }
  });

  it('expires the open orientations past 30 days, tells their sender, and leaves the answered ones', async () => {
    const f = await fixture();
    const agent = await staffUser('agent');
    const open = await send(agent, f);
    const answered = await send(agent, f);
    await t.client().post(answered.link, { decision: 'accept' }, { csrf: null });
    const structure = t.client();
    await structure.get(answered.link);
    expect((await structure.post(answered.link, { decision: 'accept' })).status).toBe(303);

    const start = t.clock.now();
    try {
      t.clock.advance(29 * DAY);
      expect((await run('orientation.expire')).done).toBe(1);
      expect((await t.deps.db.select().from(orientations).where(eq(orientations.id, open.row.id)))[0]!.status).toBe('open');

      t.clock.advance(1 * DAY);
      await run('orientation.expire');
      expect((await t.deps.db.select().from(orientations).where(eq(orientations.id, open.row.id)))[0]!.status).toBe('expired');
      expect((await t.deps.db.select().from(orientations).where(eq(orientations.id, answered.row.id)))[0]!.status).toBe('accepted');
      expect(await audits('orientation.expired', open.row.id)).toHaveLength(1);
      expect(await audits('orientation.expired', answered.row.id)).toHaveLength(0);
      expect((await mailsTo(agent.email)).map((m) => m.subject)).toContain('Votre orientation a expiré sans réponse');
      // Once more: nothing new.
      await run('orientation.expire');
      expect(await audits('orientation.expired', open.row.id)).toHaveLength(1);
      const list = await (await as(agent)).get('/orientations');
      expect(list.html).toContain('Expirée');
    } finally {
      t.clock.set(start);
    }
  });

  it('erases the person, the situation, the answer and the attachments after the retention period', async () => {
    const f = await fixture();
    const agent = await staffUser('agent');
    const { row, link } = await send(agent, f, [{ name: 'a.pdf', type: 'application/pdf', bytes: PDF }]);
    const structure = t.client();
    await structure.get(link);
    await structure.post(link, { decision: 'refuse', reason: 'Mme Benali habite hors du secteur.' });
    const start = t.clock.now();
    try {
      t.clock.advance(364 * DAY);
      await run('orientation.anonymise');
      expect((await t.deps.db.select().from(orientations).where(eq(orientations.id, row.id)))[0]!.anonymisedAt).toBeNull();

      t.clock.advance(1 * DAY + 1000);
      await run('orientation.anonymise');
      const [after] = await t.deps.db.select().from(orientations).where(eq(orientations.id, row.id));
      expect(after).toMatchObject({
        personFirstName: null,
        personLastName: null,
        personPhone: null,
        personEmail: null,
        situation: null,
        answerReason: null,
        status: 'refused',
        serviceId: f.serviceId,
      });
      expect(after!.anonymisedAt).toEqual(t.clock.now());
      expect(await t.deps.db.select().from(orientationAttachments).where(eq(orientationAttachments.orientationId, row.id))).toHaveLength(0);
      const [event] = await audits('orientation.anonymised', row.id);
      expect(event!.details).toEqual({ attachmentsDeleted: 1 });
      const page = await (await as(agent)).get(`/orientations/${row.id}`);
      expect(page.html).toContain('Orientation anonymisée');
      expect(page.html).not.toContain('Benali');
      await run('orientation.anonymise');
      expect(await audits('orientation.anonymised', row.id)).toHaveLength(1);
    } finally {
      t.clock.set(start);
    }
  });

  it('follows RELAIS_ORIENTATION_RETENTION_DAYS', async () => {
    const f = await fixture();
    const { row } = await send(await staffUser('agent'), f);
    const start = t.clock.now();
    try {
      t.clock.advance(61 * DAY);
      const deps = { db: t.deps.db, clock: t.clock, logger: pino({ level: 'silent' }) };
      await t.deps.db.delete(jobs).where(like(jobs.kind, 'orientation.%'));
      await enqueueJob(t.deps.db, { kind: 'orientation.anonymise' }, t.clock.now());
      await runDueJobs(deps, orientationJobHandlers({ ...t.deps.config, orientationRetentionDays: 60 }));
      expect((await t.deps.db.select().from(orientations).where(eq(orientations.id, row.id)))[0]!.personLastName).toBeNull();
    } finally {
      t.clock.set(start);
    }
  });
});


