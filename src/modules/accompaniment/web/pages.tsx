// The helpers' pages: the quick record (under 30 seconds on a phone: everything on one page, presets first),
// the collective action, a person's history, and the statistics with charts and their tables.
import type { FieldError, FormValues } from '../../../platform/http/form.ts';
import { errorFor, valueOf } from '../../../platform/http/form.ts';
import { BarChart } from '../../../platform/views/bar-chart.tsx';
import { Button, Checkboxes, Details, ErrorSummary, Input, NotificationBanner, Radios, Select, SubNavigation, Table } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { ScrollRegion } from '../../../platform/views/scroll-region.tsx';
import { CommuneField, communeFieldErrorHref, communeFieldScript, type CommuneSummary } from '../../territory/index.ts';
import { AGE_BANDS, DURATION_PRESETS, EQUIPMENT, LEVELS, OUTCOMES, PLACES, THEMES } from '../domain/accompaniment.ts';
import type { Statistics } from '../use-cases/statistics.ts';

export interface OwnerChoice {
  id: string;
  name: string;
}

const label = (dict: Record<string, string>, key: string) => dict[key] ?? key;
const frDate = (iso: string) => iso.split('-').reverse().join('/');

function Nav({ current }: { current: string }) {
  const items = [
    { href: '/accompagnements', text: 'Aides notées' },
    { href: '/accompagnements/nouveau', text: 'Noter une aide' },
    { href: '/accompagnements/atelier', text: 'Noter un atelier' },
    { href: '/accompagnements/statistiques', text: 'Statistiques' },
  ];
  return <SubNavigation label="Accompagnement numérique" items={items.map((i) => ({ ...i, active: i.href === current }))} />;
}

function OwnerField({ owners, value }: { owners: OwnerChoice[]; value: string }) {
  if (owners.length < 2) return <input type="hidden" name="lieu" value={owners[0]?.id ?? ''} />;
  return <Select id="lieu" name="lieu" label={{ text: 'Pour', classes: 'govuk-label--s' }} items={owners.map((o) => ({ value: o.id, text: o.name }))} value={value} />;
}

export function HomePage(p: { ctx: PageContext; owners: OwnerChoice[]; ownerId: string; notice: string | null; recent: Array<{ happenedOn: string; durationMinutes: number; level: string; themes: string[]; code: string | null }> }) {
  return (
    <Layout ctx={p.ctx} title="Accompagnement numérique">
      <Nav current="/accompagnements" />
      {p.notice ? <NotificationBanner type="success" text={p.notice} /> : null}
      <h1 class="govuk-heading-l">Accompagnement numérique</h1>
      <div class="govuk-button-group">
        <a class="govuk-button" href={`/accompagnements/nouveau?lieu=${p.ownerId}`}>
          Noter une aide
        </a>
        <a class="govuk-button govuk-button--secondary" href={`/accompagnements/atelier?lieu=${p.ownerId}`}>
          Noter un atelier
        </a>
      </div>
      <form method="get" action="/accompagnements/personne">
        <input type="hidden" name="lieu" value={p.ownerId} />
        <Input id="code" name="code" label={{ text: 'Retrouver une personne par son code', classes: 'govuk-label--s' }} hint={{ text: 'Par exemple P-7K3M' }} classes="govuk-input--width-10" spellcheck={false} autocapitalize="characters" />
        <Button text="Voir son historique" classes="govuk-button--secondary" />
      </form>
      <h2 class="govuk-heading-m">Dernières aides notées</h2>
      {p.recent.length ? (
        <ScrollRegion label="Dernières aides notées">
          <Table
            head={[{ text: 'Date' }, { text: 'Durée' }, { text: 'Niveau' }, { text: 'Thèmes' }, { text: 'Personne' }]}
            rows={p.recent.map((r) => [{ text: frDate(r.happenedOn) }, { text: `${r.durationMinutes} min` }, { text: label(LEVELS, r.level).split(' :')[0]! }, { text: r.themes.map((t) => label(THEMES, t)).join(', ') }, { text: r.code ?? '—' }])}
          />
        </ScrollRegion>
      ) : (
        <p class="govuk-body">Aucune aide notée pour l’instant.</p>
      )}
    </Layout>
  );
}

export function RecordPage(p: { ctx: PageContext; owners: OwnerChoice[]; ownerId: string; values: FormValues; errors: FieldError[]; departement: string; candidates?: CommuneSummary[]; service?: { id: string; name: string; structure: string } | null }) {
  const v = p.values;
  const themes = Array.isArray(v.themes) ? v.themes : v.themes ? [v.themes] : [];
  const equipment = Array.isArray(v.equipment) ? v.equipment : v.equipment ? [v.equipment] : [];
  const communeError = errorFor(p.errors, 'commune');
  return (
    <Layout ctx={p.ctx} title="Noter une aide" hasErrors={p.errors.length > 0} scripts={[communeFieldScript]}>
      <Nav current="/accompagnements/nouveau" />
      {p.errors.length ? <ErrorSummary errorList={p.errors.map((e) => ({ text: e.message, href: e.field === 'commune' ? communeFieldErrorHref('commune', p.candidates) : `#${e.field}` }))} /> : null}
      <h1 class="govuk-heading-l">Noter une aide</h1>
      <form method="post" action="/accompagnements/nouveau" novalidate>
        <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
        <OwnerField owners={p.owners} value={p.ownerId} />
        <Radios name="duration" idPrefix="duration" classes="govuk-radios--inline govuk-radios--small" fieldset={{ legend: { text: 'Durée', classes: 'govuk-fieldset__legend--s' } }} value={valueOf(v, 'duration')} errorMessage={errorFor(p.errors, 'duration')} items={[...DURATION_PRESETS.map((d) => ({ value: String(d), text: `${d} min` })), { value: 'autre', text: 'Autre' }]} />
        <Input id="durationOther" name="durationOther" inputmode="numeric" label={{ text: 'Autre durée, en minutes (si « Autre »)' }} value={valueOf(v, 'durationOther')} errorMessage={errorFor(p.errors, 'durationOther')} classes="govuk-input--width-4" />
        <Radios name="level" idPrefix="level" classes="govuk-radios--small" fieldset={{ legend: { text: 'Niveau d’aide', classes: 'govuk-fieldset__legend--s' } }} hint={{ text: 'Préférez « faire avec » : la personne gagne en autonomie.' }} value={valueOf(v, 'level')} errorMessage={errorFor(p.errors, 'level')} items={Object.entries(LEVELS).map(([value, text]) => ({ value, text }))} />
        <Input id="mandateReference" name="mandateReference" label={{ text: 'Référence du mandat (si « Faire à la place »)' }} hint={{ text: 'Par exemple M-2026-7K3M9Q, sur l’attestation' }} value={valueOf(v, 'mandateReference')} errorMessage={errorFor(p.errors, 'mandateReference')} classes="govuk-input--width-20" spellcheck={false} />
        <Checkboxes name="themes" idPrefix="themes" classes="govuk-checkboxes--small" fieldset={{ legend: { text: 'Thèmes', classes: 'govuk-fieldset__legend--s' } }} errorMessage={errorFor(p.errors, 'themes')} items={Object.entries(THEMES).map(([value, text]) => ({ value, text, checked: themes.includes(value) }))} />
        <Radios name="place" idPrefix="place" classes="govuk-radios--small" fieldset={{ legend: { text: 'Où', classes: 'govuk-fieldset__legend--s' } }} value={valueOf(v, 'place')} errorMessage={errorFor(p.errors, 'place')} items={Object.entries(PLACES).map(([value, text]) => ({ value, text }))} />
        <Radios name="outcome" idPrefix="outcome" classes="govuk-radios--small" fieldset={{ legend: { text: 'Fin de l’aide', classes: 'govuk-fieldset__legend--s' } }} value={valueOf(v, 'outcome')} errorMessage={errorFor(p.errors, 'outcome')} items={Object.entries(OUTCOMES).map(([value, text]) => ({ value, text }))} />
        {p.service ? (
          <p class="govuk-body">
            <input type="hidden" name="referredServiceId" value={p.service.id} />
            Orientée vers le service de l’annuaire : <strong>{p.service.name}</strong> ({p.service.structure}).
          </p>
        ) : null}
        <Input id="referredTo" name="referredTo" label={{ text: p.service ? 'Précision (facultatif)' : 'Orientée vers (si « Orientée ailleurs »)' }} hint={{ text: 'Le service ou la structure, par exemple « France services de Vitré »' }} value={valueOf(v, 'referredTo')} errorMessage={errorFor(p.errors, 'referredTo')} />
        <Details summaryText="Matériel, personne, commune, autre date (facultatif)" open={p.errors.some((e) => ['equipment', 'person', 'personCode', 'firstName', 'birthYear', 'commune', 'date'].includes(e.field))}>
          <Checkboxes name="equipment" idPrefix="equipment" classes="govuk-checkboxes--small" fieldset={{ legend: { text: 'Matériel utilisé', classes: 'govuk-fieldset__legend--s' } }} errorMessage={errorFor(p.errors, 'equipment')} items={Object.entries(EQUIPMENT).map(([value, text]) => ({ value, text, checked: equipment.includes(value) }))} />
          <Radios
            name="person"
            idPrefix="person"
            classes="govuk-radios--small"
            fieldset={{ legend: { text: 'La personne', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'Rien n’est obligatoire : la personne reste anonyme si vous ne notez rien.' }}
            value={valueOf(v, 'person') || 'none'}
            errorMessage={errorFor(p.errors, 'person')}
            items={[
              { value: 'none', text: 'Ne pas la noter' },
              { value: 'new', text: 'Nouvelle personne à retrouver (un code lui est donné)' },
              { value: 'known', text: 'Personne déjà venue (avec son code)' },
            ]}
          />
          <Input id="personCode" name="personCode" label={{ text: 'Code de la personne (déjà venue)' }} hint={{ text: 'Par exemple P-7K3M' }} value={valueOf(v, 'personCode')} errorMessage={errorFor(p.errors, 'personCode')} classes="govuk-input--width-10" spellcheck={false} />
          <Input id="firstName" name="firstName" label={{ text: 'Prénom (nouvelle personne, facultatif)' }} value={valueOf(v, 'firstName')} errorMessage={errorFor(p.errors, 'firstName')} classes="govuk-input--width-20" spellcheck={false} />
          <Input id="birthYear" name="birthYear" inputmode="numeric" label={{ text: 'Année de naissance (nouvelle personne, facultatif)' }} value={valueOf(v, 'birthYear')} errorMessage={errorFor(p.errors, 'birthYear')} classes="govuk-input--width-4" />
          <CommuneField name="commune" label={{ text: 'Commune de la personne (facultatif)' }} value={{ text: valueOf(v, 'commune'), insee: valueOf(v, 'communeInsee') || null }} errorMessage={communeError} candidates={p.candidates} departement={p.departement} />
          <Input id="date" name="date" type="date" label={{ text: 'Date, si ce n’est pas aujourd’hui' }} value={valueOf(v, 'date')} errorMessage={errorFor(p.errors, 'date')} classes="govuk-input--width-10" />
        </Details>
        <Button text="Enregistrer l’aide" />
      </form>
    </Layout>
  );
}

export function CollectivePage(p: { ctx: PageContext; owners: OwnerChoice[]; ownerId: string; values: FormValues; errors: FieldError[] }) {
  const v = p.values;
  const num = (name: string, text: string) => <Input id={name} name={name} inputmode="numeric" label={{ text }} value={valueOf(v, name)} errorMessage={errorFor(p.errors, name)} classes="govuk-input--width-4" />;
  return (
    <Layout ctx={p.ctx} title="Noter un atelier ou une action collective" hasErrors={p.errors.length > 0}>
      <Nav current="/accompagnements/atelier" />
      {p.errors.length ? <ErrorSummary errorList={p.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
      <h1 class="govuk-heading-l">Noter un atelier ou une action collective</h1>
      <form method="post" action="/accompagnements/atelier" novalidate>
        <input type="hidden" name="_csrf" value={p.ctx.csrfToken ?? ''} />
        <OwnerField owners={p.owners} value={p.ownerId} />
        <Input id="title" name="title" label={{ text: 'Titre', classes: 'govuk-label--s' }} hint={{ text: 'Par exemple « Les dangers des réseaux sociaux »' }} value={valueOf(v, 'title')} errorMessage={errorFor(p.errors, 'title')} />
        <Select id="theme" name="theme" label={{ text: 'Thème', classes: 'govuk-label--s' }} items={[{ value: '', text: 'Choisir' }, ...Object.entries(THEMES).map(([value, text]) => ({ value, text }))]} value={valueOf(v, 'theme')} errorMessage={errorFor(p.errors, 'theme')} />
        <Radios name="level" idPrefix="level" classes="govuk-radios--small" fieldset={{ legend: { text: 'Niveau', classes: 'govuk-fieldset__legend--s' } }} value={valueOf(v, 'level')} errorMessage={errorFor(p.errors, 'level')} items={Object.entries(LEVELS).filter(([k]) => k !== 'faire_a_la_place').map(([value, text]) => ({ value, text }))} />
        <Radios name="duration" idPrefix="duration" classes="govuk-radios--inline govuk-radios--small" fieldset={{ legend: { text: 'Durée', classes: 'govuk-fieldset__legend--s' } }} value={valueOf(v, 'duration')} errorMessage={errorFor(p.errors, 'duration')} items={[...[30, 60, 90, 120].map((d) => ({ value: String(d), text: `${d} min` })), { value: 'autre', text: 'Autre' }]} />
        <Input id="durationOther" name="durationOther" inputmode="numeric" label={{ text: 'Autre durée, en minutes (si « Autre »)' }} value={valueOf(v, 'durationOther')} errorMessage={errorFor(p.errors, 'durationOther')} classes="govuk-input--width-4" />
        <h2 class="govuk-heading-s">Participants (sans nom)</h2>
        {num('attendees', 'Nombre de participants')}
        {num('firstTime', 'Dont venus pour la première fois')}
        {Object.entries(AGE_BANDS).map(([k, t]) => num(k, t))}
        <Input id="date" name="date" type="date" label={{ text: 'Date, si ce n’est pas aujourd’hui' }} value={valueOf(v, 'date')} errorMessage={errorFor(p.errors, 'date')} classes="govuk-input--width-10" />
        <Button text="Enregistrer l’atelier" />
      </form>
    </Layout>
  );
}

export function PersonPage(p: { ctx: PageContext; code: string; firstName: string | null; birthYear: number | null; helps: Array<{ happenedOn: string; durationMinutes: number; level: string; themes: string[]; outcome: string }> }) {
  return (
    <Layout ctx={p.ctx} title={`Personne ${p.code}`}>
      <Nav current="/accompagnements" />
      <span class="govuk-caption-l">{[p.firstName, p.birthYear ? `née en ${p.birthYear}` : null].filter(Boolean).join(', ') || 'Personne sans prénom noté'}</span>
      <h1 class="govuk-heading-l">Personne {p.code}</h1>
      <ScrollRegion label="Aides reçues">
        <Table
          caption="Aides reçues"
          captionClasses="govuk-table__caption--m"
          head={[{ text: 'Date' }, { text: 'Durée' }, { text: 'Niveau' }, { text: 'Thèmes' }, { text: 'Fin' }]}
          rows={p.helps.map((h) => [{ text: frDate(h.happenedOn) }, { text: `${h.durationMinutes} min` }, { text: label(LEVELS, h.level).split(' :')[0]! }, { text: h.themes.map((t) => label(THEMES, t)).join(', ') }, { text: label(OUTCOMES, h.outcome) }])}
        />
      </ScrollRegion>
    </Layout>
  );
}

export function StatsPage(p: { ctx: PageContext; owners: OwnerChoice[]; ownerId: string; from: string; to: string; commune: { text: string; insee: string | null }; departement: string; stats: Statistics; query: string; errors: FieldError[] }) {
  const s = p.stats;
  const bars = (dict: Record<string, string>, counts: Array<{ key: string; n: number }>) => counts.map((c) => ({ label: label(dict, c.key).split(' :')[0]!.split(' (')[0]!, value: c.n }));
  const share = (a: number, total: number) => (total ? `${Math.round((a / total) * 100)} %` : '—');
  return (
    <Layout ctx={p.ctx} title="Statistiques de l’accompagnement numérique" hasErrors={p.errors.length > 0} scripts={[communeFieldScript]}>
      <Nav current="/accompagnements/statistiques" />
      {p.errors.length ? <ErrorSummary errorList={p.errors.map((e) => ({ text: e.message, href: `#${e.field}` }))} /> : null}
      <h1 class="govuk-heading-l">Statistiques de l’accompagnement numérique</h1>
      <form method="get" action="/accompagnements/statistiques" novalidate>
        {p.owners.length > 1 ? <Select id="lieu" name="lieu" label={{ text: 'Centre ou structure', classes: 'govuk-label--s' }} items={p.owners.map((o) => ({ value: o.id, text: o.name }))} value={p.ownerId} /> : <input type="hidden" name="lieu" value={p.ownerId} />}
        <Input id="du" name="du" type="date" label={{ text: 'Du', classes: 'govuk-label--s' }} value={p.from} errorMessage={errorFor(p.errors, 'du')} classes="govuk-input--width-10" />
        <Input id="au" name="au" type="date" label={{ text: 'Au', classes: 'govuk-label--s' }} value={p.to} errorMessage={errorFor(p.errors, 'au')} classes="govuk-input--width-10" />
        <CommuneField name="commune" label={{ text: 'Commune de la personne (facultatif)', classes: 'govuk-label--s' }} value={p.commune} departement={p.departement} />
        <Button text="Afficher" classes="govuk-button--secondary" />
      </form>
      <p class="govuk-body-l">
        {s.total} aide{s.total > 1 ? 's' : ''} individuelle{s.total > 1 ? 's' : ''}, {Math.round(s.minutes / 60)} heure{s.minutes >= 120 ? 's' : ''} ; {s.collective.actions} atelier{s.collective.actions > 1 ? 's' : ''} avec {s.collective.attendees} participant{s.collective.attendees > 1 ? 's' : ''} (dont {s.collective.firstTime} pour la première fois).
      </p>
      <p class="govuk-body">
        Télécharger les aides : <a class="govuk-link" href={`/accompagnements/export.csv?${p.query}`}>CSV</a> ·{' '}
        <a class="govuk-link" href={`/accompagnements/export.xlsx?${p.query}`}>
          Excel
        </a>
      </p>
      <BarChart id="niveaux" title="Par niveau d’aide" bars={bars(LEVELS, s.byLevel)} />
      <BarChart id="faire-avec" title="Part de « faire avec », mois par mois (en %)" unit="%" shares={false} bars={s.monthly.map((m) => ({ label: m.month.split('-').reverse().join('/'), value: m.total ? Math.round((m.faireAvec / m.total) * 100) : 0 }))} />
      <h2 class="govuk-heading-m">« Faire avec » et « faire à la place », mois par mois</h2>
      <Table
        head={[{ text: 'Mois' }, { text: 'Aides', format: 'numeric' }, { text: 'Faire avec', format: 'numeric' }, { text: 'Faire à la place', format: 'numeric' }]}
        rows={s.monthly.map((m) => [{ text: m.month.split('-').reverse().join('/') }, { text: String(m.total), format: 'numeric' }, { text: share(m.faireAvec, m.total), format: 'numeric' }, { text: share(m.faireALaPlace, m.total), format: 'numeric' }])}
      />
      <BarChart id="themes" title="Par thème (une aide peut en avoir plusieurs)" bars={bars(THEMES, s.byTheme)} />
      <BarChart id="lieux" title="Par lieu" bars={bars(PLACES, s.byPlace)} />
      <BarChart id="durees" title="Par durée" bars={s.byDuration.map((d) => ({ label: d.key, value: d.n }))} />
      <BarChart id="fins" title="Par fin de l’aide" bars={bars(OUTCOMES, s.byOutcome)} />
    </Layout>
  );
}
