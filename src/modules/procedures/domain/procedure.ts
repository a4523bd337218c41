// A procedure (« démarche ») as data: what a version of it says — who may file, its pages and fields, the team
// that reviews it and the routing rules, how long closed case files are kept, and the decision letters. A
// version is imported and exported as this JSON; once published it never changes (the database refuses it),
// and every case file keeps the version it was filed under.
import { ADMINISTRATIVE_DOMAIN_KEYS } from '../../../platform/domain/administrative-domains.ts';
import { z } from 'zod';
import { checkFieldDefinitions, fieldSchema, isShown, validateAnswers, type Answers, type Field, type FieldError, type RawAnswers } from './fields.ts';

const condition = z
  .object({ field: z.string().min(1), is: z.string().optional(), contains: z.string().optional() })
  .refine((c) => (c.is === undefined) !== (c.contains === undefined), { message: 'Une condition porte sur « is » ou sur « contains »' });

const pageSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/u, 'identifiant de page en minuscules, chiffres et -'),
  title: z.string().min(1),
  /** A sentence shown under the page title. */
  intro: z.string().optional(),
  /** The whole page is skipped unless an earlier answer matches. */
  showWhen: condition.optional(),
  fields: z.array(fieldSchema).min(1),
});

/**
 * Where a filed case goes. Rules are read in order; the first that applies wins, else `team`.
 * - `{ when: { field, is | contains }, team }`: an answer sends it to a team;
 * - `{ communeField, to: 'social_centre' }`: the commune answered (a commune field, or the commune of an
 *   address field) sends it to the team of the MDS/CDAS that serves it (the territory's sectorisation).
 */
const routingRule = z.union([
  z.object({ when: condition, team: z.string().min(1) }),
  z.object({ communeField: z.string().min(1), to: z.literal('social_centre') }),
]);

/** A decision letter: paragraphs with {{placeholders}} (see LETTER_PLACEHOLDERS), rendered into a PDF. */
const letter = z.object({ subject: z.string().min(1), body: z.string().min(1) });

export const WHO_MAY_FILE = ['anyone', 'resident', 'structure', 'commune'] as const;
export const WHO_MAY_FILE_LABELS: Readonly<Record<(typeof WHO_MAY_FILE)[number], string>> = {
  anyone: 'Tout le monde, avec ou sans compte',
  resident: 'Les personnes connectées à leur compte',
  structure: 'Les structures (associations, entreprises…) connectées',
  commune: 'Les communes connectées',
};

export const procedureDefinitionSchema = z.object({
  /** Stable across versions and départements: the address of the procedure (/demarches/<slug>). */
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/u, 'identifiant en minuscules, chiffres et -'),
  title: z.string().min(3).max(150),
  /** One or two plain sentences for the list of procedures. */
  summary: z.string().min(10).max(400),
  /** What it is for, who can ask, what to prepare, how long it takes: paragraphs separated by blank lines. */
  description: z.string().min(10),
  /** A theme, to group procedures on the public list. */
  theme: z.string().min(1),
  whoMayFile: z.enum(WHO_MAY_FILE),
  /** Long forms as a task list (sections done in any order) or one page after the other. */
  layout: z.enum(['task_list', 'pages']).default('pages'),
  pages: z.array(pageSchema).min(1),
  /** The key of the reviewing team when no routing rule applies. */
  team: z.string().min(1),
  routing: z.array(routingRule).default([]),
  /** Days a closed case file is kept before it is anonymised. */
  retentionDays: z.number().int().min(30).max(36500),
  /** The field whose answer is the commune of the case (filters of the inbox); a commune or address field. */
  communeField: z.string().optional(),
  /**
   * Which answers name the filer and reach them: the inbox shows the name, news of the case file go to the
   * e-mail (or phone). For a structure, the name is its name.
   */
  /** The domain a mandate must cover for an « aidant habilité » to file it for a person; none: not under mandate. */
  mandateScope: z.enum(ADMINISTRATIVE_DOMAIN_KEYS).optional(),
  contact: z.object({ nameFields: z.array(z.string()).min(1), emailField: z.string().optional(), phoneField: z.string().optional() }),
  letters: z.object({ accepted: letter, refused: letter, closed_without_action: letter }),
});

export type ProcedureDefinition = z.infer<typeof procedureDefinitionSchema>;
export type ProcedurePage = z.infer<typeof pageSchema>;
export type RoutingRule = z.infer<typeof routingRule>;

/** What a letter template may say; anything else between {{ }} is refused at import. */
export const LETTER_PLACEHOLDERS = ['reference', 'procedure', 'date_depot', 'date_decision', 'motif', 'nom', 'departement', 'service'] as const;

function allFields(def: Pick<ProcedureDefinition, 'pages'>): Field[] {
  return def.pages.flatMap((p) => p.fields);
}

/** Checks a definition as imported: the schema, then ids, conditions, routing and letters, all told in French. */
export function checkProcedureDefinition(input: unknown): { ok: true; definition: ProcedureDefinition } | { ok: false; problems: string[] } {
  const parsed = procedureDefinitionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'définition'} : ${i.message}`) };
  const def = parsed.data;
  const problems: string[] = [];
  const fields = checkFieldDefinitions(allFields(def));
  if (!fields.ok) problems.push(...fields.problems);
  const pageIds = new Set<string>();
  const seen = new Map<string, Field>();
  for (const page of def.pages) {
    if (pageIds.has(page.id)) problems.push(`pages.${page.id} : identifiant de page déjà utilisé`);
    pageIds.add(page.id);
    if (page.showWhen && !seen.has(page.showWhen.field)) {
      problems.push(`pages.${page.id} : la condition porte sur « ${page.showWhen.field} », qui doit être une question d’une page précédente`);
    }
    for (const f of page.fields) seen.set(f.id, f);
  }
  const communeOk = (id: string) => ['commune', 'address'].includes(seen.get(id)?.type ?? '');
  for (const [i, rule] of def.routing.entries()) {
    if ('when' in rule && !seen.has(rule.when.field)) problems.push(`routing.${i} : la question « ${rule.when.field} » n’existe pas`);
    if ('communeField' in rule && !communeOk(rule.communeField)) problems.push(`routing.${i} : « ${rule.communeField} » doit être une question de type commune ou adresse`);
  }
  if (def.communeField !== undefined && !communeOk(def.communeField)) problems.push(`communeField : « ${def.communeField} » doit être une question de type commune ou adresse`);
  for (const id of def.contact.nameFields) if (!seen.has(id)) problems.push(`contact.nameFields : la question « ${id} » n’existe pas`);
  if (def.contact.emailField !== undefined && seen.get(def.contact.emailField)?.type !== 'email') problems.push(`contact.emailField : « ${def.contact.emailField} » doit être une question de type e-mail`);
  if (def.contact.phoneField !== undefined && seen.get(def.contact.phoneField)?.type !== 'phone') problems.push(`contact.phoneField : « ${def.contact.phoneField} » doit être une question de type téléphone`);
  for (const [kind, l] of Object.entries(def.letters)) {
    for (const m of `${l.subject}\n${l.body}`.matchAll(/\{\{\s*([^}]*?)\s*\}\}/gu)) {
      if (!(LETTER_PLACEHOLDERS as readonly string[]).includes(m[1]!)) problems.push(`letters.${kind} : « {{${m[1]}}} » n’est pas une donnée connue (${LETTER_PLACEHOLDERS.join(', ')})`);
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, definition: def };
}

/** Whether a page is shown, given all the answers so far. */
export function isPageShown(page: ProcedurePage, answers: Answers): boolean {
  return isShown(page, answers);
}

/** The pages a person goes through, given the answers so far (a page depends only on earlier pages). */
export function visiblePages(def: ProcedureDefinition, answers: Answers): ProcedurePage[] {
  return def.pages.filter((p) => isPageShown(p, answers));
}

/**
 * Checks one page's raw input, knowing the answers of the other pages (conditions may look at earlier pages).
 * Returns that page's valid answers and its errors.
 */
export function validatePage(page: ProcedurePage, raw: RawAnswers, earlier: Answers, today: string): { answers: Answers; errors: FieldError[] } {
  return validateAnswers(page.fields, raw, today, earlier);
}

/**
 * Checks a whole case file from the raw answers kept per page: every shown page, in order. Hidden pages and
 * fields are dropped. This is what « Envoyer » runs: a case is filed only when `errors` is empty.
 */
export function validateCase(
  def: ProcedureDefinition,
  rawByPage: Readonly<Record<string, RawAnswers>>,
  today: string,
): { answers: Answers; errors: Array<FieldError & { page: string }> } {
  const answers: Answers = {};
  const errors: Array<FieldError & { page: string }> = [];
  for (const page of def.pages) {
    if (!isPageShown(page, answers)) continue;
    const r = validatePage(page, rawByPage[page.id] ?? {}, answers, today);
    Object.assign(answers, r.answers);
    errors.push(...r.errors.map((e) => ({ ...e, page: page.id })));
  }
  return { answers, errors };
}

/** The commune code an answer holds: a commune field's code, or the commune of an address. */
export function communeOf(answers: Answers, fieldId: string | undefined): string | null {
  if (!fieldId) return null;
  const v = answers[fieldId];
  if (typeof v === 'string' && /^(\d{5}|2[AB]\d{3})$/u.test(v)) return v;
  if (v && typeof v === 'object' && !Array.isArray(v) && 'commune' in v) return v.commune;
  return null;
}

/**
 * Which team reviews a filed case. `teamOfCentreServing(commune)` gives the key of the team of the social centre
 * serving a commune (or null): the use case looks it up, so this stays pure.
 */
export function routeCase(def: ProcedureDefinition, answers: Answers, teamOfCentreServing: (commune: string) => string | null): string {
  for (const rule of def.routing) {
    if ('when' in rule) {
      if (isShown({ showWhen: rule.when }, answers)) return rule.team;
    } else {
      const commune = communeOf(answers, rule.communeField);
      const team = commune ? teamOfCentreServing(commune) : null;
      if (team) return team;
    }
  }
  return def.team;
}

/** Fills a letter template; unknown placeholders cannot reach here (refused at import). */
export function fillLetter(template: string, values: Partial<Record<(typeof LETTER_PLACEHOLDERS)[number], string>>): string {
  return template.replace(/\{\{\s*([a-z_]+)\s*\}\}/gu, (_, key: string) => values[key as (typeof LETTER_PLACEHOLDERS)[number]] ?? '');
}

/** The filer's name and ways to reach them, from the answers, as the definition says where they are. */
export function contactOf(def: ProcedureDefinition, answers: Answers): { name: string | null; email: string | null; phone: string | null } {
  const name = def.contact.nameFields
    .map((id) => answers[id])
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .join(' ');
  const pick = (id: string | undefined) => (id && typeof answers[id] === 'string' ? (answers[id] as string) : null);
  return { name: name || null, email: pick(def.contact.emailField), phone: pick(def.contact.phoneField) };
}

/** The words of the answers, without accents, for the full-text index (search is accent-blind too). */
export function searchText(answers: Answers): string {
  const words: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') words.push(v);
    else if (typeof v === 'number') words.push(String(v));
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(answers);
  return foldAccents(words.join(' ')).slice(0, 100_000);
}

export function foldAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/gu, '');
}
