// The demo directory: about 450 places of digital help and 3,500 structures of the « annuaire social » with their
// services, built from the real communes of the demo département and placed around its main towns (see
// towns-35.ts, towns-13.ts). Deterministic: the same département always gives the same listings (a seeded
// PRNG; only ids and the dates, relative to the clock, change). Fast: a few bulk statements, no history rows
// (seeded listings have no edits to moderate), because it runs at the first `npm start` and for the tests'
// template database.
import { asc, eq, sql } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../src/platform/clock.ts';
import { queryRows, type Db } from '../src/platform/db/client.ts';
import { inTransaction } from '../src/platform/db/transaction.ts';
import { openWeekLiteral } from '../src/modules/directory/db/listing-store.ts';
import { communes, epcis, socialCentres } from '../src/modules/territory/db/territory.table.ts';
import { structures } from '../src/modules/directory/db/directory.table.ts';
import { parisToday } from '../src/platform/time/paris.ts';
import {
  CCAS,
  HOURS,
  INLAND,
  ITINERANT_NAMES,
  PLACE_KINDS,
  QUARTERS,
  S,
  SOCIAL_TEMPLATES,
  SPREAD_KM,
  STREETS,
  THEMES_OF_SERVICE,
  TOWN_HALL,
  type HoursPool,
  type PlaceKindSpec,
  type ServiceSpec,
  type SocialTemplate,
  type StructureKind,
} from './directory-data.ts';
import { towns13 } from './towns-13.ts';
import { towns35 } from './towns-35.ts';
import type { DemoTown } from './towns.ts';

export const demoTowns: Record<'35' | '13', DemoTown[]> = { '35': towns35, '13': towns13 };

/** Listings seeded here carry this source; their source ids are stable (« demo-35-lieu-0001 »). */
export const DEMO_SOURCE = 'relais';
const ANNUAIRE_STRUCTURES = { '35': 3050, '13': 3050 } as const;

/** mulberry32: a small, fast, seeded PRNG (the seed must be deterministic; Math.random is not). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface CommuneRow {
  insee: string;
  name: string;
  postcodes: string[];
  population: number | null;
  epciSiren: string | null;
}
interface CentreRow {
  id: string;
  kind: 'MDS' | 'CDAS';
  name: string;
  communeInsee: string;
  address: string;
  phone: string | null;
  email: string | null;
  openingHours: string | null;
}

export interface DemoDirectoryInput {
  departement: '35' | '13';
  departementName: string;
  today: string;
  now: Date;
  ids: IdGenerator;
  communes: CommuneRow[];
  epciNames: Map<string, string>;
  centres: CentreRow[];
  demo: { id: string; name: string };
}

type Row = Record<string, unknown>;

export interface DemoDirectory {
  structures: Row[];
  places: Row[];
  services: Row[];
  /** The demo structure's own columns (it exists already: the accounts seed made it). */
  demoStructure: Row;
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** « de Le Rheu » → « du Rheu », « de Arbrissel » → « d’Arbrissel », « à Les Pennes » → « aux Pennes ». */
export function elide(text: string): string {
  return text
    .replace(/(^|\s)de Les /g, '$1des ')
    .replace(/(^|\s)de Le /g, '$1du ')
    .replace(/(^|\s)à Les /g, '$1aux ')
    .replace(/(^|\s)à Le /g, '$1au ')
    .replace(/(^|\s)de ([AEIOUYÂÉÈÊÎÔ])/g, '$1d’$2');
}

function minusDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** Builds the whole demo directory in memory. Pure but for the ids it draws. */
export function buildDemoDirectory(input: DemoDirectoryInput): DemoDirectory {
  const { departement: dep, ids, now, today } = input;
  const rand = prng(dep === '35' ? 3535 : 1313);
  const chance = (p: number) => rand() < p;
  const int = (a: number, b: number) => a + Math.floor(rand() * (b - a + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const some = <T>(list: readonly T[], p: number): T[] => list.filter(() => chance(p));
  const stamp = now.toISOString();

  const communeByInsee = new Map(input.communes.map((c) => [c.insee, c]));
  const towns = demoTowns[dep].filter((t) => communeByInsee.has(t.insee));
  const townWeights = towns.map((t) => Math.pow(communeByInsee.get(t.insee)!.population ?? 1000, 0.55));
  const townTotal = townWeights.reduce((a, b) => a + b, 0);
  const drawTown = (): DemoTown => {
    let x = rand() * townTotal;
    for (let i = 0; i < towns.length; i++) {
      x -= townWeights[i]!;
      if (x <= 0) return towns[i]!;
    }
    return towns[towns.length - 1]!;
  };
  const smallCommunes = input.communes.filter((c) => !towns.some((t) => t.insee === c.insee));

  // Fictional phone numbers: ARCEP reserves 02 61 91 xx xx and 04 65 71 xx xx for fiction, and 06 39 98 xx xx.
  const landline = dep === '35' ? '+3326191' : '+3346571';
  const phone = () => (chance(0.12) ? `+3363998${String(int(0, 9999)).padStart(4, '0')}` : `${landline}${String(int(0, 9999)).padStart(4, '0')}`);
  const luhnDigit = (body: string): string => {
    for (let d = 0; d <= 9; d++) {
      const s = body + String(d);
      let sum = 0;
      for (let i = 0; i < s.length; i++) {
        let v = Number(s[s.length - 1 - i]);
        if (i % 2 === 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
        sum += v;
      }
      if (sum % 10 === 0) return String(d);
    }
    return '0';
  };
  // Invented numbers in the right format (Luhn-valid SIRET; RNA « W » + 9 digits).
  const siret = () => {
    const body = `${int(1, 9)}${String(int(0, 99999999)).padStart(8, '0')}000${int(1, 9)}`;
    return body + luhnDigit(body);
  };
  const rna = () => `W${dep}${int(1, 9)}${String(int(0, 999999)).padStart(6, '0')}`;
  const address = (c: CommuneRow) => ({ street: `${int(1, 98)} ${pick(STREETS)}`, postcode: pick(c.postcodes.length ? c.postcodes : [`${dep}000`]) });
  // Freshness: most listings confirmed within the last months, a fifth of them stale.
  const freshness = (): { updated_on: string; update_frequency_days: number; last_editor_kind: string } => {
    const r = rand();
    const age = r < 0.6 ? int(0, 170) : r < 0.8 ? int(170, 330) : int(370, 900);
    const e = rand();
    return {
      updated_on: minusDays(today, age),
      update_frequency_days: pick([180, 180, 180, 365, 90]),
      last_editor_kind: e < 0.7 ? 'seed' : e < 0.85 ? 'structure' : e < 0.95 ? 'departement' : 'import',
    };
  };
  const hoursFrom = (pools: readonly HoursPool[], unknown = 0.08): string | null => {
    if (chance(unknown)) return null;
    const base = pick(HOURS[pick(pools)]);
    return chance(0.35) ? `${base}; PH off` : base;
  };
  const near = (town: DemoTown): { latitude: number; longitude: number } => {
    const spread = SPREAD_KM[town.insee] ?? 1.3;
    const distance = spread * Math.sqrt(rand());
    const inland = INLAND[town.insee];
    const base = inland ? Math.atan2(inland[0], inland[1]) : 0;
    const angle = inland ? base + (rand() - 0.5) * (Math.PI * 0.8) : rand() * Math.PI * 2;
    const latitude = town.latitude + (distance * Math.sin(angle)) / 111.2;
    const longitude = town.longitude + (distance * Math.cos(angle)) / (111.2 * Math.cos((town.latitude * Math.PI) / 180));
    return { latitude: Math.round(latitude * 1e5) / 1e5, longitude: Math.round(longitude * 1e5) / 1e5 };
  };

  const structureRows: Row[] = [];
  const placeRows: Row[] = [];
  const serviceRows: Row[] = [];
  const names = new Set<string>();
  const unique = (raw: string): string => {
    const name = elide(raw);
    let n = name;
    for (let i = 2; names.has(n); i++) n = `${name} (${i})`;
    names.add(n);
    return n;
  };
  let structureSeq = 0;
  let placeSeq = 0;
  let serviceSeq = 0;

  const addStructure = (s: {
    name: string;
    kind: StructureKind;
    commune: CommuneRow;
    networks: string[];
    association?: boolean;
    parentId?: string | null;
    description?: string | null;
  }): { id: string; pivot: string; email: string; website: string | null; phone: string; street: string; postcode: string } => {
    const id = ids.uuid();
    const pivot = s.association ? rna() : siret();
    const domain = `${slug(s.name).slice(0, 48).replace(/-+$/, '')}.demo.relais.test`;
    const website = chance(0.55) ? `https://${domain}` : null;
    const email = `contact@${domain}`;
    const tel = phone();
    const { street, postcode } = address(s.commune);
    structureRows.push({
      id,
      name: s.name,
      kind: s.kind,
      siret: s.association ? null : pivot,
      rna: s.association ? pivot : null,
      parent_id: s.parentId ?? null,
      phone: tel,
      email,
      website,
      street,
      postcode,
      commune_insee: s.commune.insee,
      description: s.description ?? null,
      networks: s.networks,
      source: DEMO_SOURCE,
      source_id: `demo-${dep}-structure-${String(++structureSeq).padStart(4, '0')}`,
      ...freshness(),
      update_frequency_days: 365,
      created_at: stamp,
      updated_at: stamp,
    });
    return { id, pivot, email, website, phone: tel, street, postcode };
  };

  const zoneFor = (zone: SocialTemplate['zone'], c: CommuneRow): { zone_kind: string; zone_codes: string[] } =>
    zone === 'epci' && c.epciSiren
      ? { zone_kind: 'epci', zone_codes: [c.epciSiren] }
      : zone === 'departement'
        ? { zone_kind: 'departement', zone_codes: [dep] }
        : { zone_kind: 'commune', zone_codes: [c.insee] };

  const addService = (spec: ServiceSpec, structureId: string, c: CommuneRow, zone: SocialTemplate['zone'], extra: Row = {}) => {
    const reception = spec.reception ?? (chance(0.15) ? ['en-presentiel', 'a-distance'] : ['en-presentiel']);
    const mobilisation = spec.mobilisation ?? (chance(0.5) ? ['se-presenter', 'telephoner'] : chance(0.5) ? ['telephoner', 'envoyer-un-courriel'] : ['se-presenter']);
    serviceRows.push({
      id: ids.uuid(),
      structure_id: structureId,
      place_id: null,
      source: DEMO_SOURCE,
      source_id: `demo-${dep}-service-${String(++serviceSeq).padStart(4, '0')}`,
      name: spec.name,
      summary: spec.summary,
      description: null,
      themes: spec.themes,
      publics: spec.publics ?? [],
      publics_detail: null,
      fees: spec.fees ?? 'gratuit',
      fees_detail: spec.feesDetail ?? null,
      reception_modes: reception,
      mobilisation_modes: mobilisation,
      mobilisable_by: spec.by ?? ['usagers', 'professionnels'],
      mobilisation_detail: null,
      mobilisation_url: null,
      ...zoneFor(zone, c),
      access_conditions: spec.conditions ?? null,
      phone: null,
      email: null,
      networks: [],
      status: 'published',
      ...freshness(),
      created_at: stamp,
      updated_at: stamp,
      ...extra,
    });
  };

  const addPlace = (p: {
    name: string;
    structure: { id: string; pivot: string; email: string; website: string | null; phone: string };
    commune: CommuneRow;
    town: DemoTown | null;
    street: string;
    postcode: string;
    spec: Pick<PlaceKindSpec, 'typologies' | 'support' | 'summary'>;
    services: string[];
    programs: string[];
    hours: string | null;
    pass: boolean;
    socialCentreId?: string | null;
    parent?: string | null;
    itinerant?: boolean;
    fresh?: ReturnType<typeof freshness>;
    fees?: string[];
  }): string => {
    const id = ids.uuid();
    // About one place in sixteen has no coordinates yet: the département team sees it « à géolocaliser ».
    const coords = p.town && !chance(0.06) ? near(p.town) : { latitude: null, longitude: null };
    const appointment = chance(0.2) ? `https://${slug(p.name).slice(0, 48).replace(/-+$/, '')}.demo.relais.test/rendez-vous` : null;
    const access = ['Se présenter', ...(chance(0.7) ? ['Téléphoner'] : []), ...(chance(0.3) ? ['Contacter par mail'] : []), ...(appointment ? ['Prendre un RDV en ligne'] : [])];
    const specific = some(['Handicaps moteurs', 'Surdité', 'Illettrisme', 'Langues étrangères (anglais)', 'Déficience visuelle', 'Handicaps mentaux'], 0.08);
    const publics = chance(0.25) ? [pick(['Seniors', 'Jeunes', 'Familles et/ou enfants', 'Femmes', 'Étudiants'])] : [];
    const labels = [...(chance(0.15) ? ['Formé à « Mon Espace Santé »'] : []), ...(chance(0.04) ? ['Formé à « DUPLEX » (illettrisme)'] : [])];
    placeRows.push({
      id,
      structure_id: p.structure.id,
      source: DEMO_SOURCE,
      source_id: `demo-${dep}-lieu-${String(++placeSeq).padStart(4, '0')}`,
      pivot: p.structure.pivot,
      name: p.name,
      typologies: p.spec.typologies,
      street: p.street,
      complement: chance(0.1) ? pick(['Rez-de-chaussée', '1er étage', 'Entrée par la cour', 'Bâtiment B']) : null,
      postcode: p.postcode,
      commune_name: p.commune.name,
      commune_insee: p.commune.insee,
      ...coords,
      phone: chance(0.9) ? p.structure.phone : null,
      emails: chance(0.85) ? [p.structure.email] : [],
      websites: p.structure.website ? [p.structure.website] : [],
      opening_hours: p.hours,
      ...(() => {
        const w = openWeekLiteral(p.hours);
        return { open_week: w.openWeek, closed_on_public_holidays: w.closedOnPublicHolidays };
      })(),
      summary: elide(p.spec.summary(p.commune.name)),
      detail: null,
      itinerance: [p.itinerant ? 'Itinérant' : 'Fixe'],
      parent_structure_name: p.parent ?? null,
      services: p.services,
      publics,
      specific_support: specific,
      fees: p.fees ?? (chance(0.85) ? ['Gratuit'] : [pick(['Gratuit sous condition', 'Payant'])]),
      national_programs: p.programs,
      labels,
      other_labels: null,
      access_modes: access,
      support_modes: pick(p.spec.support),
      accessibility_url: chance(0.35) ? `https://acceslibre.beta.gouv.fr/recherche/?what=${encodeURIComponent(p.name)}&where=${encodeURIComponent(p.commune.name)}` : null,
      appointment_url: appointment,
      accepts_pass_numerique: p.pass,
      social_centre_id: p.socialCentreId ?? null,
      status: chance(0.01) ? 'hidden' : 'published',
      ...(p.fresh ?? freshness()),
      created_at: stamp,
      updated_at: stamp,
    });
    // The place's digital help as a data·inclusion service of its structure.
    const themes = [...new Set(p.services.flatMap((s) => THEMES_OF_SERVICE[s] ?? []))];
    addService(
      {
        name: p.services.includes(S.demarches) && p.services.length === 1 ? 'Aide aux démarches en ligne' : 'Accompagnement au numérique',
        summary: elide(p.spec.summary(p.commune.name)),
        themes,
        publics: publics.includes('Seniors') ? ['seniors'] : publics.includes('Jeunes') ? ['jeunes'] : [],
        fees: p.fees?.includes('Payant') ? 'payant' : 'gratuit',
      },
      p.structure.id,
      p.commune,
      'commune',
      { place_id: id, phone: null },
    );
    return id;
  };

  const servicesFor = (spec: PlaceKindSpec) => [...spec.always, ...spec.sometimes.filter(() => chance(0.45))];
  const programsFor = (spec: PlaceKindSpec) => spec.programs.filter(([, p]) => chance(p)).map(([name]) => name);

  // 1. The département and its social centres (MDS or CDAS), one place each, labelled by `social_centre_id`.
  const seat = communeByInsee.get(dep === '35' ? '35238' : '13055')!;
  const departementStructure = addStructure({ name: `Département ${input.departementName}`, kind: 'administration', commune: seat, networks: ['departements'] });
  for (const centre of input.centres) {
    const commune = communeByInsee.get(centre.communeInsee);
    if (!commune) continue;
    const name = unique(centre.name);
    const structure = addStructure({ name, kind: 'mds_cdas', commune, networks: ['departements', ...(centre.kind === 'MDS' ? ['maisons-des-solidarites'] : [])], parentId: departementStructure.id });
    const [street, rest] = centre.address.split(/,\s*/);
    const postcode = /\b\d{5}\b/.exec(rest ?? '')?.[0] ?? commune.postcodes[0] ?? `${dep}000`;
    const town = towns.find((t) => t.insee === commune.insee) ?? null;
    const centreSpec: Pick<PlaceKindSpec, 'typologies' | 'support' | 'summary'> = {
      typologies: [centre.kind],
      support: [['Accompagnement individuel']],
      summary: (c) => `Les travailleurs sociaux du Département vous reçoivent à ${c} : accès aux droits, aide aux démarches, protection de l’enfance, autonomie.`,
    };
    addPlace({
      name,
      structure: { ...structure, phone: centre.phone ? `+33${centre.phone.replace(/\D/g, '').slice(1)}` : structure.phone, email: centre.email ?? structure.email },
      commune,
      town,
      street: street ?? structure.street,
      postcode,
      spec: centreSpec,
      services: [S.demarches, ...(chance(0.5) ? [S.acces] : [])],
      programs: chance(0.5) ? ['Aidants Connect'] : [],
      hours: centre.openingHours ?? hoursFrom(['office']),
      pass: false,
      socialCentreId: centre.id,
      parent: `Département ${input.departementName}`,
      fees: ['Gratuit'],
    });
    addService(
      {
        name: 'Accueil social',
        summary: 'Un travailleur social vous reçoit pour faire le point sur votre situation : ressources, logement, famille, santé.',
        themes: ['difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits', 'famille--soutien-a-la-parentalite-et-a-leducation'],
        by: ['usagers', 'professionnels'],
      },
      structure.id,
      commune,
      'commune',
      { zone_kind: 'commune', zone_codes: [commune.insee] },
    );
  }

  // 2. The demo structure's own places, so that its member has listings to keep up to date.
  const demoCommune = seat;
  const demoTown = towns.find((t) => t.insee === demoCommune.insee)!;
  const demoQuarters = dep === '35' ? ['Maurepas', 'Villejean', 'Le Blosne', 'Cleunay'] : ['Belsunce', 'La Belle de Mai', 'Saint-Mauront', 'Noailles'];
  const demoInfo = { id: input.demo.id, pivot: siret(), email: `contact@${slug(input.demo.name)}.demo.relais.test`, website: `https://${slug(input.demo.name)}.demo.relais.test`, phone: phone() };
  const demoAddress = address(demoCommune);
  const demoStructure: Row = {
    siret: demoInfo.pivot,
    phone: demoInfo.phone,
    email: demoInfo.email,
    website: demoInfo.website,
    street: demoAddress.street,
    postcode: demoAddress.postcode,
    description: `Association d’éducation populaire au numérique : ateliers, permanences d’aide aux démarches et prêt de matériel dans quatre quartiers de ${demoCommune.name}.`,
    networks: ['conseillers-numeriques', 'aidants-connect', 'espaces-publics-numeriques'],
    source: DEMO_SOURCE,
    source_id: `demo-${dep}-structure-demo`,
    updated_on: minusDays(today, 40),
    last_editor_kind: 'structure',
  };
  const epn = PLACE_KINDS.find((k) => k.kind === 'epn')!;
  demoQuarters.forEach((quarter, i) => {
    addPlace({
      name: unique(`${input.demo.name} – ${quarter}`),
      structure: demoInfo,
      commune: demoCommune,
      town: demoTown,
      ...address(demoCommune),
      spec: { ...epn, typologies: ['ASSO', 'EPN'] },
      services: [S.outils, S.demarches, S.acces, ...(i % 2 === 0 ? [S.securite] : [S.parents])],
      programs: ['Conseillers numériques', 'Aidants Connect'],
      hours: [HOURS.epn[0], `${HOURS.epn[1]}; PH off`, HOURS.epn[3], null][i]!,
      pass: true,
      // Two of its four places are past their update date: the member has something to confirm.
      fresh: { updated_on: minusDays(today, [20, 75, 240, 400][i]!), update_frequency_days: 180, last_editor_kind: i === 0 ? 'structure' : 'seed' },
    });
  });
  addService(
    {
      name: 'Permanence téléphonique numérique',
      summary: 'Une question sur votre ordinateur, votre téléphone ou une démarche en ligne ? Un conseiller numérique vous rappelle.',
      themes: ['numerique--maitriser-les-fondamentaux-du-numerique', 'numerique--acceder-a-des-services-en-ligne'],
      reception: ['a-distance'],
      mobilisation: ['telephoner', 'envoyer-un-courriel'],
    },
    input.demo.id,
    demoCommune,
    'commune',
    { zone_kind: 'commune', zone_codes: [demoCommune.insee], phone: demoInfo.phone, email: demoInfo.email },
  );

  // 3. The places of digital help, each with its own structure, mostly in the main towns (with coordinates),
  // a few in villages (without: nobody has placed them on the map yet).
  const quarterUse = new Map<string, number>();
  // A CCAS or town hall that is a place of digital help is already the commune's entry in the annuaire.
  const hasCcas = new Set<string>();
  const hasTownHall = new Set<string>();
  for (const spec of PLACE_KINDS) {
    for (let n = 0; n < spec.count; n++) {
      const inTown = chance(0.93);
      const town = inTown ? drawTown() : null;
      const commune = town ? communeByInsee.get(town.insee)! : pick(smallCommunes.length ? smallCommunes : input.communes);
      const quarters = QUARTERS[commune.insee];
      const itinerant = spec.kind === 'association' && n < 3;
      const used = quarterUse.get(commune.insee) ?? 0;
      quarterUse.set(commune.insee, used + 1);
      // The first free name among the kind's ways of naming; a second library in a small town is an annex.
      const candidates = itinerant
        ? [ITINERANT_NAMES[n % ITINERANT_NAMES.length]!(commune.name)]
        : quarters
          ? spec.quarterNames.map((f) => f(quarters[used % quarters.length]!, commune.name))
          : [...spec.names].sort(() => rand() - 0.5).map((f) => f(commune.name));
      const free = candidates.find((c) => !names.has(elide(c)));
      const name = unique(free ?? `${candidates[0]!} – annexe ${pick(STREETS)}`);
      if (spec.kind === 'ccas') hasCcas.add(commune.insee);
      if (spec.kind === 'commune') hasTownHall.add(commune.insee);
      const structure = addStructure({ name, kind: spec.kind, commune, networks: spec.networks, association: spec.association === true });
      const epciName = commune.epciSiren ? input.epciNames.get(commune.epciSiren) : undefined;
      addPlace({
        name,
        structure,
        commune,
        town,
        street: structure.street,
        postcode: structure.postcode,
        spec,
        services: servicesFor(spec),
        programs: programsFor(spec),
        hours: hoursFrom(spec.hours),
        pass: chance(spec.passNumerique),
        parent: spec.kind === 'france_services' ? (epciName ?? null) : spec.kind === 'mediatheque' || spec.kind === 'commune' ? `Commune de ${commune.name}` : null,
        itinerant,
      });
      // France Services also handle the procedures of their partner bodies: a second service.
      if (spec.kind === 'france_services') {
        addService(
          {
            name: 'Démarches avec les partenaires France Services',
            summary: 'CAF, Assurance maladie, Assurance retraite, MSA, France Travail, impôts, ANTS, La Poste, justice : un agent vous aide pour toutes ces démarches.',
            themes: ['difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives', 'numerique--acceder-a-des-services-en-ligne'],
            by: ['usagers', 'professionnels'],
          },
          structure.id,
          commune,
          'epci',
        );
      }
    }
  }

  // 4. The annuaire social: a town hall per commune, a CCAS from 1,500 inhabitants, then associations and
  // services drawn in proportion to population (a capital has many, a village one or two).
  const target = ANNUAIRE_STRUCTURES[dep];
  const addSocial = (template: SocialTemplate, commune: CommuneRow, quarter: string | null) => {
    const base = elide(template.name(commune.name));
    const name = quarter ? `${base} – ${quarter}` : base;
    if (names.has(name)) return false;
    names.add(name);
    const s = addStructure({ name, kind: template.kind, commune, networks: template.networks, association: template.kind === 'association' });
    template.services.forEach((spec, i) => {
      if (i === 0 || chance(0.5)) addService(spec, s.id, commune, template.zone, { phone: chance(0.3) ? phone() : null });
    });
    return true;
  };
  let made = 0;
  for (const c of input.communes) {
    if (!hasTownHall.has(c.insee) && addSocial(TOWN_HALL, c, null)) made++;
    if (!hasCcas.has(c.insee) && (c.population ?? 0) >= (CCAS.minPopulation ?? 0) && addSocial(CCAS, c, null)) made++;
  }
  const weights = input.communes.map((c) => Math.pow(Math.max(c.population ?? 100, 100), 0.75));
  const total = weights.reduce((a, b) => a + b, 0);
  const rest = target - made;
  // Each commune's share, then its templates in a random order; a city with districts takes each template
  // once per district.
  const pools = input.communes.map((c, i) => {
    const want = Math.round((rest * weights[i]!) / total);
    const eligible = SOCIAL_TEMPLATES.filter((t) => (c.population ?? 0) >= (t.minPopulation ?? 0));
    const variants = QUARTERS[c.insee] ?? [null];
    const pool = eligible.flatMap((t) => variants.map((q) => [t, q] as const));
    for (let k = pool.length - 1; k > 0; k--) {
      const j = Math.floor(rand() * (k + 1));
      [pool[k], pool[j]] = [pool[j]!, pool[k]!];
    }
    let got = 0;
    while (got < want && pool.length) if (addSocial(pool[0]![0], c, pool.shift()![1])) got++;
    made += got;
    return { c, pool, weight: weights[i]! };
  });
  // Villages have few kinds of structures: the larger communes take what they could not.
  pools.sort((a, b) => b.weight - a.weight);
  for (let round = 0; made < target && round < 50; round++) {
    for (const p of pools) {
      if (made >= target) break;
      while (p.pool.length) if (addSocial(p.pool[0]![0], p.c, p.pool.shift()![1])) {
        made++;
        break;
      }
    }
  }

  return { structures: structureRows, places: placeRows, services: serviceRows, demoStructure };
}

/** Seeds the demo directory of a département (the caller runs it once: see seeds/demo.ts). */
export async function seedDemoDirectory(
  deps: { db: Db; clock: Clock; ids: IdGenerator },
  departement: '35' | '13',
  demo: { id: string; name: string },
): Promise<{ structures: number; places: number; services: number }> {
  const db = deps.db;
  const now = deps.clock.now();
  // Commune centres of the main towns, so that a search from these communes can measure distances at once.
  const towns = demoTowns[departement];
  await db.execute(sql`
    update communes c set latitude = t.latitude, longitude = t.longitude
    from json_to_recordset(${JSON.stringify(towns)}::json) as t(insee text, latitude float8, longitude float8)
    where c.insee = t.insee and c.latitude is null`);
  const communeRows = await db
    .select({ insee: communes.insee, name: communes.name, postcodes: communes.postcodes, population: communes.population, epciSiren: communes.epciSiren })
    .from(communes)
    .where(eq(communes.departementCode, departement))
    .orderBy(asc(communes.insee));
  const epciRows = await db.select({ siren: epcis.siren, name: epcis.name }).from(epcis);
  const centres = await db
    .select({
      id: socialCentres.id,
      kind: socialCentres.kind,
      name: socialCentres.name,
      communeInsee: socialCentres.communeInsee,
      address: socialCentres.address,
      phone: socialCentres.phone,
      email: socialCentres.email,
      openingHours: socialCentres.openingHours,
    })
    .from(socialCentres)
    .where(eq(socialCentres.departementCode, departement))
    .orderBy(asc(socialCentres.name));
  const departementName = departement === '35' ? 'd’Ille-et-Vilaine' : 'des Bouches-du-Rhône';
  const built = buildDemoDirectory({
    departement,
    departementName,
    today: parisToday(now),
    now,
    ids: deps.ids,
    communes: communeRows,
    epciNames: new Map(epciRows.map((e) => [e.siren, e.name])),
    centres,
    demo,
  });
  // One statement per table: the rows travel as one JSON document and PostgreSQL spreads them into the
  // table's own row type (every row carries the same keys, all the NOT NULL columns among them). The
  // secondary indexes are built once after the rows are in, which is faster than maintaining them row by row
  // (their definitions are read back from the catalogue, so they stay exactly what the migrations made); all in
  // one transaction, so a failure leaves neither half the rows nor a missing index.
  await inTransaction(db, async (tx) => {
    const indexes = await queryRows<{ indexname: string; indexdef: string }>(
      tx,
      sql`select indexname, indexdef from pg_indexes
          where schemaname = current_schema() and tablename in ('structures', 'places', 'services') and indexdef not like 'CREATE UNIQUE%'`,
    );
    for (const i of indexes) await tx.execute(sql`drop index ${sql.identifier(i.indexname)}`);
    for (const [table, rows] of [
      ['structures', built.structures],
      ['places', built.places],
      ['services', built.services],
    ] as const) {
      if (rows.length === 0) continue;
      // The columns the rows carry, named: a column added later by a migration gets its default.
      const columns = sql.join(
        Object.keys(rows[0]!).map((k) => sql.identifier(k)),
        sql`, `,
      );
      await tx.execute(
        sql`insert into ${sql.identifier(table)} (${columns}) select ${columns} from jsonb_populate_recordset(null::${sql.identifier(table)}, ${JSON.stringify(rows)}::jsonb)`,
      );
    }
    for (const i of indexes) await tx.execute(sql.raw(i.indexdef));
    const d = built.demoStructure;
    await tx
      .update(structures)
      .set({
        siret: d.siret as string,
        phone: d.phone as string,
        email: d.email as string,
        website: d.website as string,
        street: d.street as string,
        postcode: d.postcode as string,
        description: d.description as string,
        networks: d.networks as string[],
        source: DEMO_SOURCE,
        sourceId: d.source_id as string,
        updatedOn: d.updated_on as string,
        lastEditorKind: 'structure',
      })
      .where(eq(structures.id, demo.id));
  });
  // Fresh statistics for the planner: the search reads places and communes.
  await db.execute(sql`analyze places`);
  await db.execute(sql`analyze communes`);
  return { structures: built.structures.length, places: built.places.length, services: built.services.length };
}
