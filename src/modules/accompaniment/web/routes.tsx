// /accompagnements: agents of the social centres and members of structures record the help they give and read
// its statistics. Everything is in the books of a centre or structure of the person's roles; anything else is 404.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { AppEnv } from '../../../platform/http/context.ts';
import { readForm, valueOf, type FieldError } from '../../../platform/http/form.ts';
import { allow } from '../../../platform/http/guard.ts';
import { pageContext } from '../../../platform/http/render.tsx';
import { notFound, takeFlash } from '../../../platform/http/route-kit.tsx';
import { updateSessionData } from '../../../platform/http/session.ts';
import { csvDocument, xlsxDocument } from '../../../platform/documents/table-export.ts';
import { addDays, parisToday, parseFrenchDay } from '../../../platform/time/paris.ts';
import { getService, getStructure } from '../../directory/index.ts';
import { getSocialCentre, readCommuneField, resolveCommuneField, type CommuneSummary } from '../../territory/index.ts';
import { EQUIPMENT, LEVELS, OUTCOMES, PLACES, THEMES } from '../domain/accompaniment.ts';
import { habilitationsOf } from '../../mandates/index.ts';
import { ownersOf, personHistory, recentAccompaniments, recordAccompaniment, recordCollectiveAction, type Helper, type Owner } from '../use-cases/record.ts';
import { accompanimentRows, accompanimentStatistics, type StatsCriteria } from '../use-cases/statistics.ts';
import { readAccompaniment, readCollective } from './forms.ts';
import { CollectivePage, HomePage, PersonPage, RecordPage, StatsPage, type OwnerChoice } from './pages.tsx';

export const accompanimentRoutes = new Hono<AppEnv>();
const helpers = allow.staff('agent', 'centre_manager', 'structure_member', 'admin');

function helperOf(c: Context<AppEnv>): Helper {
  const p = c.get('principal');
  return p.kind === 'staff' ? { userId: p.userId, label: p.email, requestId: c.get('requestId') } : { userId: '', label: '' };
}

async function ownerChoices(c: Context<AppEnv>): Promise<Array<Owner & OwnerChoice>> {
  const db = c.get('deps').db;
  return Promise.all(
    ownersOf(c.get('principal')).map(async (o) => ({ ...o, name: o.kind === 'centre' ? ((await getSocialCentre(db, o.id))?.name ?? 'Centre social') : ((await getStructure(db, o.id))?.name ?? 'Structure') })),
  );
}

/** The owner asked for (?lieu= or the form's « lieu »), if it is one of the person's; else their first. */
async function chosenOwner(c: Context<AppEnv>, asked: string | undefined) {
  const owners = await ownerChoices(c);
  const owner = owners.find((o) => o.id === asked) ?? owners[0];
  return owner ? { owner, owners } : null;
}

const today = (c: Context<AppEnv>) => parisToday(c.get('deps').clock.now());

accompanimentRoutes.get('/accompagnements', helpers, async (c) => {
  const found = await chosenOwner(c, c.req.query('lieu'));
  if (!found) return c.redirect('/accompagnements/statistiques', 303);
  const recent = await recentAccompaniments(c.get('deps').db, found.owner.id);
  return c.html(<HomePage ctx={await pageContext(c)} owners={found.owners} ownerId={found.owner.id} notice={await takeFlash(c, 'accompanimentFlash')} recent={recent.map((r) => ({ ...r.a, code: r.code }))} />);
});

async function serviceOf(c: Context<AppEnv>, id: string | undefined) {
  const s = id ? await getService(c.get('deps').db, id) : undefined;
  return s && s.status === 'published' ? { id: s.id, name: s.name, structure: s.structure.name } : null;
}

accompanimentRoutes.get('/accompagnements/nouveau', helpers, async (c) => {
  const found = await chosenOwner(c, c.req.query('lieu'));
  if (!found) return notFound(c);
  // From a service's page in the directory: the help is recorded as « orientée » there.
  const service = await serviceOf(c, c.req.query('service'));
  return c.html(<RecordPage ctx={await pageContext(c)} owners={found.owners} ownerId={found.owner.id} values={{ person: 'none', ...(service ? { outcome: 'referred' } : {}) }} errors={[]} departement={c.get('deps').config.departement} service={service} />);
});

accompanimentRoutes.post('/accompagnements/nouveau', helpers, async (c) => {
  const values = await readForm(c);
  const found = await chosenOwner(c, valueOf(values, 'lieu'));
  if (!found) return notFound(c);
  const deps = c.get('deps');
  const errors: FieldError[] = [];
  let candidates: CommuneSummary[] | undefined;
  let communeInsee: string | null = null;
  const commune = readCommuneField(values, 'commune');
  if (commune.text.trim() || commune.insee) {
    const r = await resolveCommuneField(deps.db, commune, { departement: deps.config.departement });
    if (r.kind === 'found') communeInsee = r.commune.insee;
    else if (r.kind !== 'empty') {
      errors.push({ field: 'commune', message: r.message });
      if (r.kind === 'ambiguous') candidates = r.candidates;
    }
  }
  const service = await serviceOf(c, valueOf(values, 'referredServiceId') || undefined);
  if (valueOf(values, 'referredServiceId') && !service) errors.push({ field: 'referredTo', message: 'Ce service n’est plus dans l’annuaire : écrivez vers qui la personne est orientée' });
  if (!service) delete values.referredServiceId;
  const read = readAccompaniment(values, today(c), communeInsee);
  const all = [...(read.ok ? [] : read.errors), ...errors];
  const page = async (errs: FieldError[]) =>
    c.html(<RecordPage ctx={await pageContext(c)} owners={found.owners} ownerId={found.owner.id} values={values} errors={errs} departement={deps.config.departement} service={service} {...(candidates ? { candidates } : {})} />, 422);
  if (!read.ok || all.length) return page(all);
  const r = await recordAccompaniment(deps, found.owner, helperOf(c), read.input, await habilitationsOf(deps.db, c.get('principal')));
  if (!r.ok) return page([{ field: r.field, message: r.message }]);
  const isNew = read.input.person.kind === 'new';
  await updateSessionData(c, { accompanimentFlash: r.personCode && isNew ? `Aide enregistrée. Code de la personne : ${r.personCode} (donnez-le lui ou notez-le pour la retrouver).` : 'Aide enregistrée.' });
  return c.redirect(`/accompagnements?lieu=${found.owner.id}`, 303);
});

accompanimentRoutes.get('/accompagnements/atelier', helpers, async (c) => {
  const found = await chosenOwner(c, c.req.query('lieu'));
  if (!found) return notFound(c);
  return c.html(<CollectivePage ctx={await pageContext(c)} owners={found.owners} ownerId={found.owner.id} values={{}} errors={[]} />);
});

accompanimentRoutes.post('/accompagnements/atelier', helpers, async (c) => {
  const values = await readForm(c);
  const found = await chosenOwner(c, valueOf(values, 'lieu'));
  if (!found) return notFound(c);
  const read = readCollective(values, today(c));
  if (!read.ok) return c.html(<CollectivePage ctx={await pageContext(c)} owners={found.owners} ownerId={found.owner.id} values={values} errors={read.errors} />, 422);
  await recordCollectiveAction(c.get('deps'), found.owner, helperOf(c), read.input);
  await updateSessionData(c, { accompanimentFlash: `Atelier « ${read.input.title} » enregistré.` });
  return c.redirect(`/accompagnements?lieu=${found.owner.id}`, 303);
});

accompanimentRoutes.get('/accompagnements/personne', helpers, async (c) => {
  const found = await chosenOwner(c, c.req.query('lieu'));
  const code = (c.req.query('code') ?? '').trim().toUpperCase();
  if (!found || !/^P-[A-Z0-9]{4}$/.test(code)) return notFound(c);
  const h = await personHistory(c.get('deps'), found.owner.id, code, helperOf(c));
  if (!h) return notFound(c);
  return c.html(<PersonPage ctx={await pageContext(c)} code={h.person.code} firstName={h.person.firstName} birthYear={h.person.birthYear} helps={h.helps} />);
});


/** The statistics' criteria from the query: the owner (an admin may see the whole département), period, commune. */
async function criteria(c: Context<AppEnv>) {
  const deps = c.get('deps');
  const p = c.get('principal');
  const admin = p.kind === 'staff' && p.roles.some((r) => r.role === 'admin');
  const owners: OwnerChoice[] = [...(admin ? [{ id: 'tout', name: 'Tout le département' }] : []), ...(await ownerChoices(c))];
  const asked = c.req.query('lieu');
  const owner = owners.find((o) => o.id === asked) ?? owners[0];
  if (!owner) return null;
  const errors: FieldError[] = [];
  const end = c.req.query('au') ? parseFrenchDay(c.req.query('au') ?? '') : today(c);
  const start = c.req.query('du') ? parseFrenchDay(c.req.query('du') ?? '') : addDays(today(c), -365);
  if (!end) errors.push({ field: 'au', message: 'Saisissez une date réelle, par exemple 31/12/2026' });
  if (!start) errors.push({ field: 'du', message: 'Saisissez une date réelle, par exemple 01/01/2026' });
  else if (end && start > end) errors.push({ field: 'au', message: 'La date de fin doit être après la date de début' });
  const commune = readCommuneField(c.req.query(), 'commune');
  let communeInsee: string | null = null;
  if (commune.text.trim() || commune.insee) {
    const r = await resolveCommuneField(deps.db, commune, { departement: deps.config.departement });
    if (r.kind === 'found') communeInsee = r.commune.insee;
  }
  const crit: StatsCriteria = { ownerIds: owner.id === 'tout' ? null : [owner.id], from: start ?? addDays(today(c), -365), to: end ?? today(c), communeInsee };
  const query = new URLSearchParams({ lieu: owner.id, du: crit.from, au: crit.to, ...(communeInsee ? { communeInsee, commune: commune.text } : {}) }).toString();
  return { owners, owner, crit, errors, commune, query };
}

accompanimentRoutes.get('/accompagnements/statistiques', helpers, async (c) => {
  const k = await criteria(c);
  if (!k) return notFound(c);
  const stats = await accompanimentStatistics(c.get('deps').db, k.crit);
  return c.html(
    <StatsPage ctx={await pageContext(c)} owners={k.owners} ownerId={k.owner.id} from={k.crit.from} to={k.crit.to} commune={k.commune} departement={c.get('deps').config.departement} stats={stats} query={k.query} errors={k.errors} />,
    k.errors.length ? 422 : 200,
  );
});

for (const format of ['csv', 'xlsx'] as const) {
  accompanimentRoutes.get(`/accompagnements/export.${format}`, helpers, async (c) => {
    const k = await criteria(c);
    if (!k || k.errors.length) return notFound(c);
    const deps = c.get('deps');
    const helper = helperOf(c);
    await recordAudit(deps.db, { at: deps.clock.now(), actorId: helper.userId, actorLabel: helper.label, action: 'accompaniment.exported', subjectType: 'accompaniment', subjectId: k.owner.id, requestId: helper.requestId ?? null, details: { format, from: k.crit.from, to: k.crit.to } });
    const names = new Map(k.owners.map((o) => [o.id, o.name]));
    const rows = (await accompanimentRows(deps.db, k.crit)).map((r) => [
      r.happened_on,
      names.get(r.owner_id) ?? r.owner_id,
      String(r.duration_minutes),
      PLACES[r.place as keyof typeof PLACES] ?? r.place,
      (LEVELS[r.level as keyof typeof LEVELS] ?? r.level).split(' :')[0]!,
      r.themes.map((t) => THEMES[t as keyof typeof THEMES] ?? t).join(', '),
      r.equipment.map((e) => EQUIPMENT[e as keyof typeof EQUIPMENT] ?? e).join(', '),
      OUTCOMES[r.outcome as keyof typeof OUTCOMES] ?? r.outcome,
      [r.service_name, r.referred_to].filter(Boolean).join(' — '),
      r.commune_insee ?? '',
      r.code ?? '',
    ]);
    const table = [['Date', 'Centre ou structure', 'Durée (min)', 'Lieu', 'Niveau', 'Thèmes', 'Matériel', 'Fin', 'Orientée vers', 'Commune (INSEE)', 'Code personne'], ...rows];
    const headers = { 'content-disposition': `attachment; filename="accompagnements-${k.crit.from}-${k.crit.to}.${format}"`, 'cache-control': 'private, no-store' };
    if (format === 'csv') return c.body(csvDocument(table), 200, { ...headers, 'content-type': 'text/csv; charset=utf-8' });
    return c.body(new Uint8Array(await xlsxDocument('Aides', table)), 200, { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  });
}
