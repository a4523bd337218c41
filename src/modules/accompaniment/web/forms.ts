// The quick record forms, read and checked: every message in French, by its field.
import type { FieldError, FormValues } from '../../../platform/http/form.ts';
import { valueOf } from '../../../platform/http/form.ts';
import { parseFrenchDay } from '../../../platform/time/paris.ts';
import { isEquipment, isLevel, isOutcome, isPlace, isTheme, type Theme } from '../domain/accompaniment.ts';
import type { AccompanimentInput, CollectiveInput } from '../use-cases/record.ts';

const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
const int = (text: string) => (/^\s*\d{1,5}\s*$/.test(text) ? Number(text) : null);

function day(values: FormValues, today: string, errors: FieldError[]): string {
  const text = valueOf(values, 'date');
  if (!text) return today;
  const iso = parseFrenchDay(text);
  if (!iso) errors.push({ field: 'date', message: 'Saisissez une date réelle, par exemple 24/11/2026' });
  else if (iso > today) errors.push({ field: 'date', message: 'La date ne peut pas être dans le futur' });
  return iso ?? today;
}

function duration(values: FormValues, errors: FieldError[]): number {
  const preset = valueOf(values, 'duration');
  const n = preset === 'autre' ? int(valueOf(values, 'durationOther')) : int(preset);
  if (!preset) errors.push({ field: 'duration', message: 'Choisissez la durée' });
  else if (n === null || n < 1 || n > 600) errors.push({ field: preset === 'autre' ? 'durationOther' : 'duration', message: 'Saisissez une durée en minutes, entre 1 et 600' });
  return n ?? 0;
}

export function readAccompaniment(values: FormValues, today: string, communeInsee: string | null): { ok: true; input: AccompanimentInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const happenedOn = day(values, today, errors);
  const durationMinutes = duration(values, errors);
  const place = valueOf(values, 'place');
  if (!isPlace(place)) errors.push({ field: 'place', message: 'Choisissez où l’aide a eu lieu' });
  const level = valueOf(values, 'level');
  if (!isLevel(level)) errors.push({ field: 'level', message: 'Choisissez le niveau d’aide' });
  const themes = list(values.themes);
  if (!themes.length) errors.push({ field: 'themes', message: 'Cochez au moins un thème' });
  else if (!themes.every(isTheme)) errors.push({ field: 'themes', message: 'Cochez des thèmes de la liste' });
  const equipment = list(values.equipment);
  if (!equipment.every(isEquipment)) errors.push({ field: 'equipment', message: 'Cochez du matériel de la liste' });
  const outcome = valueOf(values, 'outcome');
  if (!isOutcome(outcome)) errors.push({ field: 'outcome', message: 'Choisissez comment cela s’est terminé' });
  const referredTo = valueOf(values, 'referredTo').trim();
  const referredServiceId = valueOf(values, 'referredServiceId') || null;
  if (outcome === 'referred' && !referredTo && !referredServiceId) errors.push({ field: 'referredTo', message: 'Dites vers qui la personne est orientée' });
  if (referredTo.length > 200) errors.push({ field: 'referredTo', message: 'Écrivez 200 caractères au plus' });
  const personKind = valueOf(values, 'person') || 'none';
  let person: AccompanimentInput['person'] = { kind: 'none' };
  if (personKind === 'known') {
    const code = valueOf(values, 'personCode').trim().toUpperCase();
    if (!/^P-[A-Z0-9]{4}$/.test(code)) errors.push({ field: 'personCode', message: 'Saisissez le code de la personne, par exemple P-7K3M' });
    person = { kind: 'known', code };
  } else if (personKind === 'new') {
    const firstName = valueOf(values, 'firstName').trim();
    const yearText = valueOf(values, 'birthYear').trim();
    const year = yearText ? int(yearText) : null;
    if (firstName.length > 60) errors.push({ field: 'firstName', message: 'Le prénom doit faire 60 caractères au plus' });
    const thisYear = Number(today.slice(0, 4));
    if (yearText && (year === null || year < thisYear - 120 || year > thisYear)) errors.push({ field: 'birthYear', message: `Saisissez une année entre ${thisYear - 120} et ${thisYear}, par exemple 1958` });
    person = { kind: 'new', firstName: firstName || null, birthYear: year };
  } else if (personKind !== 'none') errors.push({ field: 'person', message: 'Choisissez une réponse' });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    input: { mandateReference: valueOf(values, 'mandateReference').trim() || null, happenedOn, durationMinutes, place: place as AccompanimentInput['place'], level: level as AccompanimentInput['level'], themes: themes as Theme[], equipment: equipment as AccompanimentInput['equipment'], outcome: outcome as AccompanimentInput['outcome'], referredTo: outcome === 'referred' ? referredTo || null : null, referredServiceId: outcome === 'referred' ? referredServiceId : null, communeInsee, person },
  };
}

export function readCollective(values: FormValues, today: string): { ok: true; input: CollectiveInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const happenedOn = day(values, today, errors);
  const title = valueOf(values, 'title').trim();
  if (!title) errors.push({ field: 'title', message: 'Saisissez le titre de l’atelier ou de l’action' });
  else if (title.length > 120) errors.push({ field: 'title', message: 'Le titre doit faire 120 caractères au plus' });
  const theme = valueOf(values, 'theme');
  if (!isTheme(theme)) errors.push({ field: 'theme', message: 'Choisissez le thème' });
  const level = valueOf(values, 'level');
  if (!isLevel(level) || level === 'faire_a_la_place') errors.push({ field: 'level', message: 'Choisissez le niveau : autonome, coup de pouce ou faire avec' });
  const durationMinutes = duration(values, errors);
  const count = (field: string, label: string) => {
    const text = valueOf(values, field).trim();
    const n = text === '' ? 0 : int(text);
    if (n === null || n > 1000) errors.push({ field, message: `${label} : saisissez un nombre entre 0 et 1 000` });
    return n ?? 0;
  };
  const attendees = count('attendees', 'Participants');
  if (attendees < 1 && !errors.some((e) => e.field === 'attendees')) errors.push({ field: 'attendees', message: 'Saisissez le nombre de participants (au moins 1)' });
  const firstTime = count('firstTime', 'Première fois');
  const ages = { under18: count('under18', 'Moins de 18 ans'), from18to25: count('from18to25', '18 à 25 ans'), from26to59: count('from26to59', '26 à 59 ans'), over60: count('over60', '60 ans et plus') };
  if (firstTime > attendees) errors.push({ field: 'firstTime', message: 'Il ne peut pas y avoir plus de « première fois » que de participants' });
  const agesTotal = ages.under18 + ages.from18to25 + ages.from26to59 + ages.over60;
  if (agesTotal > attendees) errors.push({ field: 'under18', message: `Les tranches d’âge comptent ${agesTotal} personnes, plus que les ${attendees} participants` });
  if (errors.length) return { ok: false, errors };
  return { ok: true, input: { happenedOn, title, theme: theme as Theme, level: level as CollectiveInput['level'], durationMinutes, attendees, firstTime, ages } };
}
