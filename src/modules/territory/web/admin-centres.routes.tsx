// Admin screens for social centres and their sectorisation (département admins only).
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/context.ts';
import { allow } from '../../../platform/http/guard.ts';
import { clientIp } from '../../../platform/http/rate-limit.ts';
import { pageContext } from '../../../platform/http/render.tsx';
import { communesServedBy, getSocialCentre, listSocialCentres } from '../db/social-centre-queries.ts';
import { communeLabel } from '../domain/search-name.ts';
import { centreKindOf, type Actor, type SocialCentreInput } from '../domain/social-centre.ts';
import { addCommunesToCentre, removeCommuneFromCentre } from '../use-cases/change-sectorisation.ts';
import { createSocialCentre } from '../use-cases/create-social-centre.ts';
import { resolveCommuneField } from '../use-cases/resolve-commune-field.ts';
import { getCommune, type CommuneSummary } from '../use-cases/search-communes.ts';
import { updateSocialCentre } from '../use-cases/update-social-centre.ts';
import { CentreCommunesPage } from './centre-communes.page.tsx';
import { CentreFormPage } from './centre-form.page.tsx';
import { CentresListPage } from './centres-list.page.tsx';
import { readCommuneField } from './commune-field.tsx';
import { centreFormValues, parseCentreForm, type CentreFormField, type CentreFormValues } from './social-centre.form.ts';

export const adminCentresRoutes = new Hono<AppEnv>();
const admin = allow.staff('admin');

function actorOf(c: Context<AppEnv>): Actor {
  const p = c.get('principal');
  return {
    id: p.kind === 'anonymous' ? null : p.userId,
    label: p.kind === 'anonymous' ? 'visiteur anonyme' : p.email,
    ip: clientIp(c),
    requestId: c.get('requestId') ?? null,
  };
}

adminCentresRoutes.get('/admin/centres', admin, async (c) => {
  const deps = c.get('deps');
  const centres = await listSocialCentres(deps.db, deps.config.departement);
  return c.html(<CentresListPage ctx={await pageContext(c)} centres={centres} noun={centreKindOf(deps.config.departement)} />);
});

const emptyValues = (dep: string): CentreFormValues => ({
  kind: centreKindOf(dep),
  name: '',
  commune: '',
  communeInsee: '',
  address: '',
  phone: '',
  email: '',
  openingHours: '',
});

adminCentresRoutes.get('/admin/centres/nouveau', admin, async (c) => {
  const dep = c.get('deps').config.departement;
  return c.html(<CentreFormPage ctx={await pageContext(c, { form: true })} mode={{ kind: 'create' }} values={emptyValues(dep)} errors={{}} departement={dep} />);
});

/** Parses the form and resolves the seat commune; returns the input for the use case or the errors to show. */
async function readCentreForm(c: Context<AppEnv>): Promise<
  | { ok: true; input: SocialCentreInput; values: CentreFormValues }
  | { ok: false; values: CentreFormValues; errors: Partial<Record<CentreFormField, string>>; candidates?: CommuneSummary[] }
> {
  const deps = c.get('deps');
  const body = await c.req.parseBody();
  const values = centreFormValues(body);
  const parsed = parseCentreForm(values);
  const errors: Partial<Record<CentreFormField, string>> = parsed.ok ? {} : { ...parsed.errors };
  const seat = await resolveCommuneField(deps.db, readCommuneField(body, 'commune'), { departement: deps.config.departement });
  let candidates: CommuneSummary[] | undefined;
  if (seat.kind === 'found') {
    values.commune = communeLabel(seat.commune);
    values.communeInsee = seat.commune.insee;
  } else {
    values.communeInsee = '';
    errors.commune = seat.kind === 'empty' ? 'Saisissez la commune où se trouve le centre' : seat.message;
    if (seat.kind === 'ambiguous') candidates = seat.candidates;
  }
  if (!parsed.ok || seat.kind !== 'found') return { ok: false, values, errors, ...(candidates ? { candidates } : {}) };
  return { ok: true, input: { ...parsed.value, communeInsee: seat.commune.insee }, values };
}

const fieldOf = (f: keyof SocialCentreInput): CentreFormField => (f === 'communeInsee' ? 'commune' : f);

adminCentresRoutes.post('/admin/centres/nouveau', admin, async (c) => {
  const deps = c.get('deps');
  const dep = deps.config.departement;
  const form = await readCentreForm(c);
  const show = async (values: CentreFormValues, errors: Partial<Record<CentreFormField, string>>, candidates?: CommuneSummary[]) =>
    c.html(
      <CentreFormPage ctx={await pageContext(c, { form: true })} mode={{ kind: 'create' }} values={values} errors={errors} candidates={candidates} departement={dep} />,
      422,
    );
  if (!form.ok) return show(form.values, form.errors, form.candidates);
  const result = await createSocialCentre(deps, actorOf(c), dep, form.input);
  if (result.ok) return c.redirect(`/admin/centres/${result.id}?enregistre=1`, 303);
  if ('notFound' in result) return c.notFound();
  return show(form.values, Object.fromEntries(result.errors.map((e) => [fieldOf(e.field), e.message])));
});

function valuesOf(centre: NonNullable<Awaited<ReturnType<typeof getSocialCentre>>>, seat: CommuneSummary | null): CentreFormValues {
  return {
    kind: centre.kind,
    name: centre.name,
    commune: seat ? communeLabel(seat) : centre.communeName,
    communeInsee: centre.communeInsee,
    address: centre.address,
    phone: centre.phone ?? '',
    email: centre.email ?? '',
    openingHours: centre.openingHours ?? '',
  };
}

adminCentresRoutes.get('/admin/centres/:id', admin, async (c) => {
  const deps = c.get('deps');
  const centre = await getSocialCentre(deps.db, c.req.param('id'));
  if (!centre || centre.departementCode !== deps.config.departement) return c.notFound();
  const [seat, served] = await Promise.all([getCommune(deps.db, centre.communeInsee), communesServedBy(deps.db, centre.id)]);
  return c.html(
    <CentreFormPage
      ctx={await pageContext(c, { form: true })}
      mode={{ kind: 'edit', id: centre.id, name: centre.name, communeCount: served.length }}
      values={valuesOf(centre, seat)}
      errors={{}}
      departement={deps.config.departement}
      saved={c.req.query('enregistre') === '1'}
    />,
  );
});

adminCentresRoutes.post('/admin/centres/:id', admin, async (c) => {
  const deps = c.get('deps');
  const centre = await getSocialCentre(deps.db, c.req.param('id'));
  if (!centre || centre.departementCode !== deps.config.departement) return c.notFound();
  const served = await communesServedBy(deps.db, centre.id);
  const mode = { kind: 'edit' as const, id: centre.id, name: centre.name, communeCount: served.length };
  const form = await readCentreForm(c);
  const show = async (values: CentreFormValues, errors: Partial<Record<CentreFormField, string>>, candidates?: CommuneSummary[]) =>
    c.html(
      <CentreFormPage ctx={await pageContext(c, { form: true })} mode={mode} values={values} errors={errors} candidates={candidates} departement={deps.config.departement} />,
      422,
    );
  if (!form.ok) return show(form.values, form.errors, form.candidates);
  const result = await updateSocialCentre(deps, actorOf(c), centre.id, form.input);
  if (result.ok) return c.redirect(`/admin/centres/${centre.id}?enregistre=1`, 303);
  if ('notFound' in result) return c.notFound();
  return show(form.values, Object.fromEntries(result.errors.map((e) => [fieldOf(e.field), e.message])));
});

async function communesPage(c: Context<AppEnv>, centreId: string, extra: { value?: { text: string; insee: string | null }; error?: string; candidates?: CommuneSummary[]; notice?: string }, status: 200 | 422 = 200) {
  const deps = c.get('deps');
  const centre = await getSocialCentre(deps.db, centreId);
  if (!centre || centre.departementCode !== deps.config.departement) return c.notFound();
  const communes = await communesServedBy(deps.db, centre.id);
  return c.html(
    <CentreCommunesPage
      ctx={await pageContext(c, { form: true })}
      centre={centre}
      communes={communes}
      value={extra.value ?? { text: '', insee: null }}
      error={extra.error}
      candidates={extra.candidates}
      notice={extra.notice}
    />,
    status,
  );
}

adminCentresRoutes.get('/admin/centres/:id/communes', admin, async (c) => {
  const deps = c.get('deps');
  const noticeOf = async (key: string, verb: string) => {
    const insee = c.req.query(key);
    const commune = insee && /^[0-9][0-9AB][0-9]{3}$/.test(insee) ? await getCommune(deps.db, insee) : null;
    return commune ? `${commune.name} a été ${verb}.` : undefined;
  };
  const notice = (await noticeOf('ajout', 'ajoutée')) ?? (await noticeOf('retrait', 'retirée'));
  return communesPage(c, c.req.param('id'), notice ? { notice } : {});
});

adminCentresRoutes.post('/admin/centres/:id/communes', admin, async (c) => {
  const deps = c.get('deps');
  const id = c.req.param('id');
  const centre = await getSocialCentre(deps.db, id);
  if (!centre || centre.departementCode !== deps.config.departement) return c.notFound();
  const value = readCommuneField(await c.req.parseBody(), 'commune');
  const r = await resolveCommuneField(deps.db, value, { departement: centre.departementCode });
  if (r.kind !== 'found') {
    const error = r.kind === 'empty' ? 'Saisissez le nom ou le code postal de la commune à ajouter' : r.message;
    return communesPage(c, id, { value, error, ...(r.kind === 'ambiguous' ? { candidates: r.candidates } : {}) }, 422);
  }
  const added = await addCommunesToCentre(deps, actorOf(c), id, [r.commune.insee]);
  if (added.ok) return c.redirect(`/admin/centres/${id}/communes?ajout=${r.commune.insee}`, 303);
  if (added.reason === 'centre_not_found') return c.notFound();
  return communesPage(c, id, { value: { text: communeLabel(r.commune), insee: r.commune.insee }, error: added.message }, 422);
});

adminCentresRoutes.post('/admin/centres/:id/communes/:insee/retirer', admin, async (c) => {
  const deps = c.get('deps');
  const id = c.req.param('id');
  const insee = c.req.param('insee');
  const centre = await getSocialCentre(deps.db, id);
  if (!centre || centre.departementCode !== deps.config.departement) return c.notFound();
  const removed = await removeCommuneFromCentre(deps, actorOf(c), id, insee);
  if (!removed.ok) return c.notFound();
  return c.redirect(`/admin/centres/${id}/communes${removed.removed ? `?retrait=${encodeURIComponent(insee)}` : ''}`, 303);
});
