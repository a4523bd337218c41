import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../platform/http/context.ts';
import { readForm, type FieldError, type FormValues } from '../../platform/http/form.ts';
import { allow } from '../../platform/http/guard.ts';
import { pageContext } from '../../platform/http/render.tsx';
import { updateSessionData } from '../../platform/http/session.ts';
import { createInvitation, deactivateUser, getStaffUser, grantRole, listStaffUsers, reactivateUser, resetSecondFactor, revokeRole } from '../accounts/index.ts';
import { getCommunes } from '../territory/index.ts';
import { actorOf, requestMetaOf } from './actor.ts';
import { parseRoleFields } from './role-fields.tsx';
import { describeScope, roleLabels } from './role-labels.ts';
import { loadScopeNames } from './scope-names.ts';
import { InvitePage, RevokeRolePage, UserPage, UsersPage } from './users.page.tsx';

export const usersRoutes = new Hono<AppEnv>();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const by = (c: Context<AppEnv>) => {
  const a = actorOf(c);
  return { id: a.actorId, label: a.actorLabel };
};

/** A one-time message shown after a redirect (flash), kept in the session. */
async function flash(c: Context<AppEnv>, text: string) {
  await updateSessionData(c, { flash: text });
}
async function takeFlash(c: Context<AppEnv>): Promise<string | undefined> {
  const text = c.get('session')?.data.flash;
  if (typeof text !== 'string') return undefined;
  await updateSessionData(c, { flash: undefined });
  return text;
}

async function communesOfDepartement(c: Context<AppEnv>, values: FormValues): Promise<Set<string>> {
  const raw = typeof values.communes === 'string' ? values.communes : '';
  const codes = [...new Set(raw.split(/[\s,;]+/).filter((x) => /^\d[\dAB]\d{3}$/.test(x)))];
  const found = await getCommunes(c.get('deps').db, codes);
  return new Set(found.filter((x) => x.departementCode === c.get('deps').config.departement).map((x) => x.insee));
}

usersRoutes.get('/admin/utilisateurs', allow.staff('admin'), async (c) => {
  const { db, config } = c.get('deps');
  const text = c.req.query('q') ?? '';
  const users = await listStaffUsers(db, { text });
  const codes = users.flatMap((u) => u.grants.flatMap((g) => g.communeCodes));
  const names = await loadScopeNames(db, config.departement, codes);
  const notice = await takeFlash(c);
  return c.html(<UsersPage ctx={await pageContext(c)} users={users} names={names} text={text} notice={notice} />);
});

usersRoutes.get('/admin/utilisateurs/inviter', allow.staff('admin'), async (c) => {
  const { db, config } = c.get('deps');
  const choices = await loadScopeNames(db, config.departement, []);
  return c.html(<InvitePage ctx={await pageContext(c, { form: true })} values={{}} errors={[]} choices={choices} />);
});

usersRoutes.post('/admin/utilisateurs/inviter', allow.staff('admin'), async (c) => {
  const deps = c.get('deps');
  const values = await readForm(c);
  const choices = await loadScopeNames(deps.db, deps.config.departement, []);
  const role = parseRoleFields(values, choices, await communesOfDepartement(c, values));
  const errors: FieldError[] = role.ok ? [] : role.errors;
  const nom = typeof values.nom === 'string' ? values.nom : '';
  const email = typeof values.email === 'string' ? values.email : '';
  const result = role.ok
    ? await createInvitation(deps, { email, displayName: nom, invitedBy: by(c), roles: [role.value], meta: requestMetaOf(c) })
    : null;
  if (result?.ok) {
    await flash(c, `Invitation envoyée à ${email.trim()}.`);
    return c.redirect(`/admin/utilisateurs/${result.userId}`, 303);
  }
  // Identity errors first, in the order of the form.
  const identity: FieldError[] = [];
  if (result && !result.ok) {
    if (result.errors.displayName) identity.push({ field: 'nom', message: result.errors.displayName });
    if (result.errors.email) identity.push({ field: 'email', message: result.errors.email });
    if (result.errors.roles) errors.push({ field: 'role', message: result.errors.roles });
  } else {
    if (!nom.trim()) identity.push({ field: 'nom', message: 'Saisissez le nom de la personne' });
    if (!email.trim()) identity.push({ field: 'email', message: 'Saisissez l’adresse e-mail de la personne' });
  }
  return c.html(<InvitePage ctx={await pageContext(c, { form: true })} values={values} errors={[...identity, ...errors]} choices={choices} />, 422);
});

async function renderUser(c: Context<AppEnv>, id: string, opts: { values?: FormValues; errors?: FieldError[]; status?: 200 | 422 } = {}) {
  const { db, config } = c.get('deps');
  const user = UUID.test(id) ? await getStaffUser(db, id) : undefined;
  if (!user) return c.notFound();
  const names = await loadScopeNames(db, config.departement, user.grants.flatMap((g) => g.communeCodes));
  const principal = c.get('principal');
  const notice = await takeFlash(c);
  return c.html(
    <UserPage
      ctx={await pageContext(c, { form: true })}
      user={user}
      names={names}
      choices={names}
      values={opts.values ?? {}}
      errors={opts.errors ?? []}
      notice={notice}
      isSelf={principal.kind === 'staff' && principal.userId === user.id}
    />,
    opts.status ?? 200,
  );
}

usersRoutes.get('/admin/utilisateurs/:id', allow.staff('admin'), (c) => renderUser(c, c.req.param('id')));

usersRoutes.post('/admin/utilisateurs/:id/roles', allow.staff('admin'), async (c) => {
  const deps = c.get('deps');
  const id = c.req.param('id');
  if (!UUID.test(id)) return c.notFound();
  const values = await readForm(c);
  const choices = await loadScopeNames(deps.db, deps.config.departement, []);
  const role = parseRoleFields(values, choices, await communesOfDepartement(c, values));
  if (!role.ok) return renderUser(c, id, { values, errors: role.errors, status: 422 });
  const result = await grantRole(deps, { userId: id, grant: role.value, by: by(c), meta: requestMetaOf(c) });
  if (!result.ok) {
    if (result.reason === 'scope') return renderUser(c, id, { values, errors: [{ field: 'role', message: 'Choisissez la structure de cette personne' }], status: 422 });
    return c.notFound();
  }
  await flash(c, `Rôle ajouté : ${roleLabels[role.value.role]}.`);
  return c.redirect(`/admin/utilisateurs/${id}`, 303);
});

async function grantOf(c: Context<AppEnv>) {
  const { id, grantId } = c.req.param() as { id: string; grantId: string };
  if (!UUID.test(id) || !UUID.test(grantId)) return null;
  const user = await getStaffUser(c.get('deps').db, id);
  const grant = user?.grants.find((g) => g.id === grantId);
  return user && grant ? { user, grant } : null;
}

usersRoutes.get('/admin/utilisateurs/:id/roles/:grantId/retirer', allow.staff('admin'), async (c) => {
  const found = await grantOf(c);
  if (!found) return c.notFound();
  const { db, config } = c.get('deps');
  const names = await loadScopeNames(db, config.departement, found.grant.communeCodes);
  return c.html(
    <RevokeRolePage ctx={await pageContext(c, { form: true })} user={found.user} grantLabel={roleLabels[found.grant.role]} scope={describeScope(found.grant, names)} />,
  );
});

usersRoutes.post('/admin/utilisateurs/:id/roles/:grantId/retirer', allow.staff('admin'), async (c) => {
  const found = await grantOf(c);
  if (!found) return c.notFound();
  await revokeRole(c.get('deps'), { grantId: found.grant.id, by: by(c), meta: requestMetaOf(c) });
  await flash(c, `Rôle retiré : ${roleLabels[found.grant.role]}.`);
  return c.redirect(`/admin/utilisateurs/${found.user.id}`, 303);
});

usersRoutes.post('/admin/utilisateurs/:id/desactiver', allow.staff('admin'), async (c) => {
  const id = c.req.param('id');
  if (!UUID.test(id)) return c.notFound();
  const result = await deactivateUser(c.get('deps'), { userId: id, by: by(c), meta: requestMetaOf(c) });
  if (!result.ok && result.reason === 'unknown') return c.notFound();
  await flash(c, result.ok ? 'Compte désactivé : la personne a été déconnectée.' : result.reason === 'self' ? 'Vous ne pouvez pas désactiver votre propre compte.' : 'Ce compte était déjà désactivé.');
  return c.redirect(`/admin/utilisateurs/${id}`, 303);
});

usersRoutes.post('/admin/utilisateurs/:id/reactiver', allow.staff('admin'), async (c) => {
  const id = c.req.param('id');
  if (!UUID.test(id)) return c.notFound();
  const result = await reactivateUser(c.get('deps'), { userId: id, by: by(c), meta: requestMetaOf(c) });
  if (!result.ok) return c.notFound();
  await flash(c, 'Compte réactivé.');
  return c.redirect(`/admin/utilisateurs/${id}`, 303);
});

usersRoutes.post('/admin/utilisateurs/:id/double-authentification', allow.staff('admin'), async (c) => {
  const id = c.req.param('id');
  if (!UUID.test(id)) return c.notFound();
  const result = await resetSecondFactor(c.get('deps'), { userId: id, by: by(c), meta: requestMetaOf(c) });
  await flash(
    c,
    result.ok
      ? 'Double authentification réinitialisée : la personne la configurera de nouveau à sa prochaine connexion.'
      : result.reason === 'self'
        ? 'Vous ne pouvez pas réinitialiser votre propre double authentification.'
        : 'Cette personne n’a pas de double authentification configurée.',
  );
  return c.redirect(`/admin/utilisateurs/${id}`, 303);
});
