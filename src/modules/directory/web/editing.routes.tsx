// Structure members keep their listings up to date: claim a structure, see its places and services with
// their freshness, edit them (published at once, reviewed afterwards by the département's directory team),
// and invite colleagues. The team uses the same forms on any listing.
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/context.ts';
import { readForm, type FieldError, type FormValues } from '../../../platform/http/form.ts';
import { allow } from '../../../platform/http/guard.ts';
import { pageContext } from '../../../platform/http/render.tsx';
import { parisToday } from '../../../platform/time/paris.ts';
import { ErrorPage } from '../../../platform/views/error-page.tsx';
import { listStructureMembers, userNames } from '../../accounts/index.ts';
import {
  communeLabel,
  getCommune,
  listEpcisOfDepartement,
  readCommuneField,
  resolveCommuneField,
  type CommuneSummary,
} from '../../territory/index.ts';
import {
  claimsOfUser,
  findPlace,
  findService,
  findStructure,
  findStructuresToClaim,
  listingHistory,
  placesOfStructure,
  servicesOfStructure,
  structuresByIds,
} from '../db/editing-queries.ts';
import { claimStructure } from '../use-cases/claim-structure.ts';
import { inviteStructureMember } from '../use-cases/invite-member.ts';
import { confirmListing, createPlaceFor, createServiceFor, savePlace, saveService, saveStructure } from '../use-cases/save-listing.ts';
import { ClaimFormPage, ClaimRefusedPage, ClaimSearchPage } from './claim.page.tsx';
import { canEditStructure, editorOf, isDirectoryTeam, memberStructureIds, requestMetaOf } from './editing-access.ts';
import { MembersPage } from './members.page.tsx';
import { MyStructurePage } from './my-structure.page.tsx';
import { emptyPlaceValues, placeFormValues, readPlaceForm } from './place.form.ts';
import { PlaceFormPage } from './place-form.page.tsx';
import { emptyServiceValues, readServiceForm, serviceFormValues } from './service.form.ts';
import { ServiceFormPage } from './service-form.page.tsx';
import { readStructureForm, structureFormValues } from './structure.form.ts';
import { StructureFormPage } from './structure-form.page.tsx';
import { themes } from '../../../platform/views/theme.ts';

export const editingRoutes = new Hono<AppEnv>();
/** Members of a structure and the département's directory team; which listing each may edit is checked per object. */
const editors = allow.staff('structure_member', 'directory_moderator', 'admin');

const notices: Record<string, string> = {
  acceptee: 'Votre demande est acceptée : vous pouvez maintenant tenir à jour les informations de la structure.',
  envoyee: 'Votre demande est envoyée. L’équipe annuaire du département la vérifie et vous répondra par e-mail.',
  confirme: 'Merci ! La fiche est marquée à jour à la date d’aujourd’hui.',
};

const forbidden = async (c: Context<AppEnv>) => c.html(<ErrorPage ctx={await pageContext(c)} status={403} />, 403);

function savedFlag(c: Context<AppEnv>): 'changed' | 'unchanged' | null {
  const v = c.req.query('enregistre');
  return v === '1' ? 'changed' : v === '0' ? 'unchanged' : null;
}

async function historyOf(c: Context<AppEnv>, entity: 'structure' | 'place' | 'service', id: string) {
  const db = c.get('deps').db;
  const rows = await listingHistory(db, entity, id);
  const names = await userNames(db, rows.map((r) => r.actorUserId).filter((x): x is string => !!x));
  return { rows, names };
}

async function communeText(c: Context<AppEnv>, insee: string | null, fallback: string): Promise<string> {
  if (!insee) return fallback;
  const commune = await getCommune(c.get('deps').db, insee);
  return commune ? communeLabel(commune) : fallback;
}

/**
 * Resolves a CommuneField into the answers to show again and the commune found; adds the field's error when
 * it is required and missing, unknown or ambiguous.
 */
async function readCommune(
  c: Context<AppEnv>,
  values: FormValues,
  errors: FieldError[],
  name: string,
  required: string | null,
): Promise<{ commune: CommuneSummary | null; candidates?: CommuneSummary[] }> {
  const deps = c.get('deps');
  const field = readCommuneField(values, name);
  const r = await resolveCommuneField(deps.db, field);
  if (r.kind === 'found') {
    values[name] = communeLabel(r.commune);
    values[`${name}Insee`] = r.commune.insee;
    return { commune: r.commune };
  }
  values[`${name}Insee`] = '';
  if (r.kind === 'empty') {
    if (required) errors.push({ field: name, message: required });
    return { commune: null };
  }
  errors.push({ field: name, message: r.message });
  return { commune: null, ...(r.kind === 'ambiguous' ? { candidates: r.candidates } : {}) };
}

// ——— « Ma structure » ———

editingRoutes.get('/ma-structure', allow.signedIn, async (c) => {
  const deps = c.get('deps');
  const p = c.get('principal');
  const ctx = await pageContext(c, { form: true });
  const today = parisToday(deps.clock.now());
  const notice = notices[c.req.query('demande') ?? ''] ?? (c.req.query('confirme') === '1' ? notices.confirme : undefined);
  if (p.kind !== 'staff') return c.html(<MyStructurePage ctx={ctx} managed={[]} pendingClaims={[]} today={today} isTeam={false} isResident notice={undefined} />);
  const structures = await structuresByIds(deps.db, memberStructureIds(p));
  const managed = await Promise.all(
    structures.map(async (structure) => ({
      structure,
      places: await placesOfStructure(deps.db, structure.id),
      services: await servicesOfStructure(deps.db, structure.id),
    })),
  );
  const pendingClaims = (await claimsOfUser(deps.db, p.userId)).filter((cl) => cl.status === 'pending');
  return c.html(<MyStructurePage ctx={ctx} managed={managed} pendingClaims={pendingClaims} today={today} isTeam={isDirectoryTeam(p)} isResident={false} notice={notice} />);
});

// ——— Claims ———

async function residentExplanation(c: Context<AppEnv>, status: 200 | 403 = 200) {
  const ctx = await pageContext(c);
  return c.html(<MyStructurePage ctx={ctx} managed={[]} pendingClaims={[]} today={parisToday(c.get('deps').clock.now())} isTeam={false} isResident />, status);
}

editingRoutes.get('/ma-structure/revendiquer', allow.signedIn, async (c) => {
  if (c.get('principal').kind !== 'staff') return residentExplanation(c);
  const query = (c.req.query('q') ?? '').trim();
  const ctx = await pageContext(c);
  if (!c.req.query('q')) return c.html(<ClaimSearchPage ctx={ctx} query="" results={null} />);
  if (query.length < 2 || query.length > 100) {
    return c.html(<ClaimSearchPage ctx={ctx} query={query.slice(0, 100)} results={null} error="Saisissez au moins 2 caractères du nom, ou le numéro SIRET" />, 422);
  }
  const results = await findStructuresToClaim(c.get('deps').db, query);
  return c.html(<ClaimSearchPage ctx={ctx} query={query} results={results} />);
});

async function claimRefusal(c: Context<AppEnv>, reason: 'already_member' | 'already_pending', name: string) {
  const ctx = await pageContext(c);
  return reason === 'already_member'
    ? c.html(<ClaimRefusedPage ctx={ctx} title="Vous gérez déjà cette structure" text={`Vous êtes déjà membre de « ${name} » : ses lieux et ses services sont sur votre page « Ma structure ».`} />, 409)
    : c.html(
        <ClaimRefusedPage ctx={ctx} title="Votre demande est déjà envoyée" text={`Vous avez déjà demandé à gérer « ${name} ». L’équipe annuaire du département vérifie votre demande et vous répondra : inutile d’en envoyer une autre.`} />,
        409,
      );
}

editingRoutes.get('/ma-structure/revendiquer/:id', allow.signedIn, async (c) => {
  const p = c.get('principal');
  if (p.kind !== 'staff') return residentExplanation(c);
  const structure = await findStructure(c.get('deps').db, c.req.param('id'));
  if (!structure) return c.notFound();
  if (memberStructureIds(p).includes(structure.id)) return claimRefusal(c, 'already_member', structure.name);
  return c.html(<ClaimFormPage ctx={await pageContext(c, { form: true })} structure={structure} values={{ siret: '', message: '' }} errors={[]} />);
});

editingRoutes.post('/ma-structure/revendiquer/:id', allow.signedIn, async (c) => {
  const p = c.get('principal');
  if (p.kind !== 'staff') return residentExplanation(c, 403);
  const deps = c.get('deps');
  const structure = await findStructure(deps.db, c.req.param('id'));
  if (!structure) return c.notFound();
  const form = await readForm(c);
  const values = { siret: String(form.siret ?? '').slice(0, 100), message: String(form.message ?? '').slice(0, 5000) };
  const result = await claimStructure(deps, {
    claimant: { userId: p.userId, email: p.email, memberOf: memberStructureIds(p) },
    structureId: structure.id,
    siret: values.siret,
    message: values.message,
    meta: requestMetaOf(c),
  });
  if (result.ok) return c.redirect(`/ma-structure?demande=${result.status === 'approved' ? 'acceptee' : 'envoyee'}`, 303);
  if (result.reason === 'not_found') return c.notFound();
  if (result.reason === 'invalid') return c.html(<ClaimFormPage ctx={await pageContext(c, { form: true })} structure={structure} values={values} errors={result.errors} />, 422);
  return claimRefusal(c, result.reason, structure.name);
});

// ——— Structure ———

async function loadStructure(c: Context<AppEnv>) {
  const structure = await findStructure(c.get('deps').db, c.req.param('id') ?? '');
  if (!structure) return { response: c.notFound() };
  if (!canEditStructure(c.get('principal'), structure.id)) return { response: await forbidden(c) };
  return { structure };
}

editingRoutes.get('/ma-structure/structure/:id/modifier', editors, async (c) => {
  const { structure, response } = await loadStructure(c);
  if (!structure) return response;
  const values = structureFormValues(structure, await communeText(c, structure.communeInsee, ''));
  return c.html(
    <StructureFormPage
      ctx={await pageContext(c, { form: true })}
      id={structure.id}
      name={structure.name}
      values={values}
      errors={[]}
      departement={c.get('deps').config.departement}
      history={await historyOf(c, 'structure', structure.id)}
      saved={savedFlag(c)}
      moderated={editorOf(c).kind === 'structure'}
    />,
  );
});

editingRoutes.post('/ma-structure/structure/:id/modifier', editors, async (c) => {
  const { structure, response } = await loadStructure(c);
  if (!structure) return response;
  const deps = c.get('deps');
  const values = await readForm(c);
  const { fields, reader } = readStructureForm(values);
  const commune = await readCommune(c, values, reader.errors, 'commune', null);
  const editor = editorOf(c);
  if (reader.errors.length) {
    return c.html(
      <StructureFormPage
        ctx={await pageContext(c, { form: true })}
        id={structure.id}
        name={structure.name}
        values={values}
        errors={reader.errors}
        candidates={commune.candidates}
        departement={deps.config.departement}
        history={await historyOf(c, 'structure', structure.id)}
        moderated={editor.kind === 'structure'}
      />,
      422,
    );
  }
  const changed = await saveStructure(deps, editor, structure.id, { ...fields, communeInsee: commune.commune?.insee ?? null });
  return c.redirect(`/ma-structure/structure/${structure.id}/modifier?enregistre=${changed.length ? 1 : 0}`, 303);
});

editingRoutes.post('/ma-structure/structure/:id/confirmer', editors, async (c) => {
  const { structure, response } = await loadStructure(c);
  if (!structure) return response;
  await confirmListing(c.get('deps'), editorOf(c), 'structure', structure.id);
  return c.redirect('/ma-structure?confirme=1', 303);
});

// ——— Places ———

async function loadPlace(c: Context<AppEnv>) {
  const place = await findPlace(c.get('deps').db, c.req.param('id') ?? '');
  if (!place) return { response: c.notFound() };
  if (!canEditStructure(c.get('principal'), place.structureId)) return { response: await forbidden(c) };
  return { place };
}

/** Reads the place form with its commune and checks the postcode is one of the commune's. */
async function readPlace(c: Context<AppEnv>) {
  const values = await readForm(c);
  const { fields, reader } = readPlaceForm(values);
  const commune = await readCommune(c, values, reader.errors, 'commune', 'Saisissez la commune du lieu');
  if (commune.commune && fields.postcode && !reader.errors.some((e) => e.field === 'postcode') && !commune.commune.postcodes.includes(fields.postcode)) {
    reader.fail('postcode', `Ce code postal n’est pas celui de ${commune.commune.name} (${commune.commune.postcodes.join(', ')})`);
  }
  return { values, fields, errors: reader.errors, commune };
}

editingRoutes.get('/ma-structure/lieux/:id/modifier', editors, async (c) => {
  const { place, response } = await loadPlace(c);
  if (!place) return response;
  const deps = c.get('deps');
  const structure = place.structureId ? await findStructure(deps.db, place.structureId) : undefined;
  return c.html(
    <PlaceFormPage
      ctx={await pageContext(c, { form: true })}
      mode={{ kind: 'edit', id: place.id, name: place.name, structureName: structure?.name ?? null }}
      values={placeFormValues(place, await communeText(c, place.communeInsee, place.communeName))}
      errors={[]}
      departement={deps.config.departement}
      history={await historyOf(c, 'place', place.id)}
      saved={savedFlag(c)}
      moderated={editorOf(c).kind === 'structure'}
    />,
  );
});

editingRoutes.post('/ma-structure/lieux/:id/modifier', editors, async (c) => {
  const { place, response } = await loadPlace(c);
  if (!place) return response;
  const deps = c.get('deps');
  const editor = editorOf(c);
  const form = await readPlace(c);
  if (form.errors.length || !form.commune.commune) {
    const structure = place.structureId ? await findStructure(deps.db, place.structureId) : undefined;
    return c.html(
      <PlaceFormPage
        ctx={await pageContext(c, { form: true })}
        mode={{ kind: 'edit', id: place.id, name: place.name, structureName: structure?.name ?? null }}
        values={form.values}
        errors={form.errors}
        candidates={form.commune.candidates}
        departement={deps.config.departement}
        history={await historyOf(c, 'place', place.id)}
        moderated={editor.kind === 'structure'}
      />,
      422,
    );
  }
  const changed = await savePlace(deps, editor, place.id, { ...form.fields, communeName: form.commune.commune.name, communeInsee: form.commune.commune.insee });
  return c.redirect(`/ma-structure/lieux/${place.id}/modifier?enregistre=${changed.length ? 1 : 0}`, 303);
});

editingRoutes.post('/ma-structure/lieux/:id/confirmer', editors, async (c) => {
  const { place, response } = await loadPlace(c);
  if (!place) return response;
  await confirmListing(c.get('deps'), editorOf(c), 'place', place.id);
  return c.redirect('/ma-structure?confirme=1', 303);
});

editingRoutes.get('/ma-structure/structure/:id/lieux/nouveau', editors, async (c) => {
  const { structure, response } = await loadStructure(c);
  if (!structure) return response;
  return c.html(
    <PlaceFormPage
      ctx={await pageContext(c, { form: true })}
      mode={{ kind: 'create', structureId: structure.id, structureName: structure.name }}
      values={emptyPlaceValues}
      errors={[]}
      departement={c.get('deps').config.departement}
      moderated={editorOf(c).kind === 'structure'}
    />,
  );
});

editingRoutes.post('/ma-structure/structure/:id/lieux/nouveau', editors, async (c) => {
  const { structure, response } = await loadStructure(c);
  if (!structure) return response;
  const deps = c.get('deps');
  const editor = editorOf(c);
  const form = await readPlace(c);
  if (form.errors.length || !form.commune.commune) {
    return c.html(
      <PlaceFormPage
        ctx={await pageContext(c, { form: true })}
        mode={{ kind: 'create', structureId: structure.id, structureName: structure.name }}
        values={form.values}
        errors={form.errors}
        candidates={form.commune.candidates}
        departement={deps.config.departement}
        moderated={editor.kind === 'structure'}
      />,
      422,
    );
  }
  const id = await createPlaceFor(deps, editor, {
    ...form.fields,
    communeName: form.commune.commune.name,
    communeInsee: form.commune.commune.insee,
    structureId: structure.id,
    // Places created in Relais are their own source; the id in it is stable for the open-data export.
    source: 'relais',
    sourceId: deps.ids.uuid(),
    pivot: structure.siret ?? structure.rna ?? null,
  });
  return c.redirect(`/ma-structure/lieux/${id}/modifier?enregistre=1`, 303);
});

// ——— Services ———

async function loadService(c: Context<AppEnv>) {
  const service = await findService(c.get('deps').db, c.req.param('id') ?? '');
  if (!service) return { response: c.notFound() };
  if (!canEditStructure(c.get('principal'), service.structureId)) return { response: await forbidden(c) };
  return { service };
}

async function serviceChoices(c: Context<AppEnv>, structureId: string) {
  const deps = c.get('deps');
  const [places, epcis] = await Promise.all([placesOfStructure(deps.db, structureId), listEpcisOfDepartement(deps.db, deps.config.departement)]);
  return { places: places.map((p) => ({ id: p.id, name: p.name })), epcis: epcis.map((e) => ({ siren: e.siren, name: e.name })), departementName: themes[deps.config.departement].departementName };
}

async function readService(c: Context<AppEnv>, structureId: string) {
  const deps = c.get('deps');
  const values = await readForm(c);
  const { fields, reader } = readServiceForm(values);
  const choices = await serviceChoices(c, structureId);
  if (fields.placeId && !choices.places.some((p) => p.id === fields.placeId)) reader.fail('placeId', 'Choisissez un des lieux de la structure');
  let zoneCodes: string[] = [];
  let candidates: CommuneSummary[] | undefined;
  if (fields.zoneKind === 'commune') {
    const commune = await readCommune(c, values, reader.errors, 'zoneCommune', 'Saisissez la commune où les personnes doivent habiter');
    candidates = commune.candidates;
    zoneCodes = commune.commune ? [commune.commune.insee] : [];
  } else if (fields.zoneKind === 'epci') {
    zoneCodes = reader.choices('zoneEpci', choices.epcis.map((e) => e.siren));
    if (zoneCodes.length === 0 && !reader.errors.some((e) => e.field === 'zoneEpci')) reader.fail('zoneEpci', 'Choisissez au moins une intercommunalité');
  } else if (fields.zoneKind === 'departement') {
    zoneCodes = [deps.config.departement];
  }
  return { values, fields, zoneCodes, errors: reader.errors, candidates, choices };
}

editingRoutes.get('/ma-structure/services/:id/modifier', editors, async (c) => {
  const { service, response } = await loadService(c);
  if (!service) return response;
  const deps = c.get('deps');
  const structure = await findStructure(deps.db, service.structureId);
  const zoneCommune = service.zoneKind === 'commune' ? await communeText(c, service.zoneCodes[0] ?? null, '') : '';
  return c.html(
    <ServiceFormPage
      ctx={await pageContext(c, { form: true })}
      mode={{ kind: 'edit', id: service.id, name: service.name, structureName: structure?.name ?? '' }}
      values={serviceFormValues(service, zoneCommune)}
      errors={[]}
      {...await serviceChoices(c, service.structureId)}
      history={await historyOf(c, 'service', service.id)}
      saved={savedFlag(c)}
      moderated={editorOf(c).kind === 'structure'}
    />,
  );
});

editingRoutes.post('/ma-structure/services/:id/modifier', editors, async (c) => {
  const { service, response } = await loadService(c);
  if (!service) return response;
  const deps = c.get('deps');
  const editor = editorOf(c);
  const form = await readService(c, service.structureId);
  if (form.errors.length) {
    const structure = await findStructure(deps.db, service.structureId);
    return c.html(
      <ServiceFormPage
        ctx={await pageContext(c, { form: true })}
        mode={{ kind: 'edit', id: service.id, name: service.name, structureName: structure?.name ?? '' }}
        values={form.values}
        errors={form.errors}
        {...form.choices}
        candidates={form.candidates}
        history={await historyOf(c, 'service', service.id)}
        moderated={editor.kind === 'structure'}
      />,
      422,
    );
  }
  const changed = await saveService(deps, editor, service.id, { ...form.fields, zoneCodes: form.zoneCodes });
  return c.redirect(`/ma-structure/services/${service.id}/modifier?enregistre=${changed.length ? 1 : 0}`, 303);
});

editingRoutes.post('/ma-structure/services/:id/confirmer', editors, async (c) => {
  const { service, response } = await loadService(c);
  if (!service) return response;
  await confirmListing(c.get('deps'), editorOf(c), 'service', service.id);
  return c.redirect('/ma-structure?confirme=1', 303);
});

editingRoutes.get('/ma-structure/structure/:id/services/nouveau', editors, async (c) => {
  const { structure, response } = await loadStructure(c);
  if (!structure) return response;
  return c.html(
    <ServiceFormPage
      ctx={await pageContext(c, { form: true })}
      mode={{ kind: 'create', structureId: structure.id, structureName: structure.name }}
      values={emptyServiceValues}
      errors={[]}
      {...await serviceChoices(c, structure.id)}
      moderated={editorOf(c).kind === 'structure'}
    />,
  );
});

editingRoutes.post('/ma-structure/structure/:id/services/nouveau', editors, async (c) => {
  const { structure, response } = await loadStructure(c);
  if (!structure) return response;
  const deps = c.get('deps');
  const editor = editorOf(c);
  const form = await readService(c, structure.id);
  if (form.errors.length) {
    return c.html(
      <ServiceFormPage
        ctx={await pageContext(c, { form: true })}
        mode={{ kind: 'create', structureId: structure.id, structureName: structure.name }}
        values={form.values}
        errors={form.errors}
        {...form.choices}
        candidates={form.candidates}
        moderated={editor.kind === 'structure'}
      />,
      422,
    );
  }
  const id = await createServiceFor(deps, editor, { ...form.fields, zoneCodes: form.zoneCodes, structureId: structure.id, source: 'relais', sourceId: deps.ids.uuid() });
  return c.redirect(`/ma-structure/services/${id}/modifier?enregistre=1`, 303);
});

// ——— Members ———

editingRoutes.get('/ma-structure/structure/:id/membres', editors, async (c) => {
  const { structure, response } = await loadStructure(c);
  if (!structure) return response;
  const members = await listStructureMembers(c.get('deps').db, structure.id);
  const invited = c.req.query('invitation');
  const notice = invited === 'envoyee' ? 'L’invitation est envoyée.' : invited === 'ajoute' ? 'Votre collègue avait déjà un compte : il ou elle peut maintenant modifier la structure.' : undefined;
  return c.html(<MembersPage ctx={await pageContext(c, { form: true })} structure={structure} members={members} values={{ email: '', displayName: '' }} errors={[]} notice={notice} />);
});

editingRoutes.post('/ma-structure/structure/:id/membres', editors, async (c) => {
  const { structure, response } = await loadStructure(c);
  if (!structure) return response;
  const deps = c.get('deps');
  const p = c.get('principal');
  if (p.kind !== 'staff') return forbidden(c);
  const form = await readForm(c);
  const values = { email: String(form.email ?? '').slice(0, 300), displayName: String(form.displayName ?? '').slice(0, 300) };
  const result = await inviteStructureMember(deps, { structure, email: values.email, displayName: values.displayName, by: { id: p.userId, label: p.email }, meta: requestMetaOf(c) });
  if (result.ok) return c.redirect(`/ma-structure/structure/${structure.id}/membres?invitation=${result.kind === 'invited' ? 'envoyee' : 'ajoute'}`, 303);
  const errors: FieldError[] = [];
  if (result.errors.displayName) errors.push({ field: 'displayName', message: result.errors.displayName });
  if (result.errors.email) errors.push({ field: 'email', message: result.errors.email });
  const members = await listStructureMembers(deps.db, structure.id);
  return c.html(<MembersPage ctx={await pageContext(c, { form: true })} structure={structure} members={members} values={values} errors={errors} />, 422);
});
