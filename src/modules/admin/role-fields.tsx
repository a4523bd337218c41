import type { FieldError, FormValues } from '../../platform/http/form.ts';
import { errorFor, valueOf } from '../../platform/http/form.ts';
import type { RoleScope } from '../../platform/http/context.ts';
import { Checkboxes, Input, Radios, Select } from '../../platform/views/components/index.ts';
import { roleLabels } from './role-labels.ts';

export interface RoleChoices {
  centreList: { id: string; name: string }[];
  structureList: { id: string; name: string }[];
  epciList: { siren: string; name: string }[];
}

const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/**
 * The role and its scope. The centre and structure questions are always shown, each with the role it is for,
 * rather than revealed under a radio: GOV.UK Frontend's conditional reveal puts aria-expanded on radio
 * inputs, which ARIA does not allow (a known, accepted issue of the library that axe reports).
 */
export function RoleFields({ values, errors, choices }: { values: FormValues; errors: FieldError[]; choices: RoleChoices }) {
  const centreSelect = (
    <Select
      id="centre"
      name="centre"
      label={{ text: 'Centre social' }}
      hint={{ text: 'Pour un agent ou un responsable de MDS ou de CDAS. Laissez « Aucun » pour un agent des services départementaux.' }}
      items={[{ value: '', text: 'Aucun' }, ...choices.centreList.map((c) => ({ value: c.id, text: c.name }))]}
      value={valueOf(values, 'centre')}
      errorMessage={errorFor(errors, 'centre')}
    />
  );
  const structureSelect = (name: 'structure' | 'administration') => (
    <Select
      id={name}
      name={name}
      label={{ text: name === 'structure' ? 'Structure' : 'Administration' }}
      hint={{ text: name === 'structure' ? 'Pour un membre d’une structure.' : 'Pour un agent d’une administration partenaire.' }}
      items={[{ value: '', text: 'Choisissez' }, ...choices.structureList.map((s) => ({ value: s.id, text: s.name }))]}
      value={valueOf(values, name)}
      errorMessage={errorFor(errors, name)}
    />
  );
  return (
    <>
      <Radios
        name="role"
        idPrefix="role"
        fieldset={{ legend: { text: 'Rôle', classes: 'govuk-fieldset__legend--m' } }}
        value={valueOf(values, 'role')}
        errorMessage={errorFor(errors, 'role')}
        items={[
          { value: 'admin', text: roleLabels.admin, hint: { text: 'Gère les comptes, les droits, les centres et lit le journal.' } },
          { value: 'agent', text: roleLabels.agent },
          { value: 'centre_manager', text: roleLabels.centre_manager, hint: { text: 'Voit les agendas et les statistiques de rendez-vous de son centre, gère ses motifs et les disponibilités des agents.' } },
          { value: 'structure_member', text: roleLabels.structure_member },
          { value: 'partner_agent', text: roleLabels.partner_agent },
          {
            value: 'directory_moderator',
            text: roleLabels.directory_moderator,
            hint: { text: 'Modère les fiches de l’annuaire, les signalements et les demandes des structures ; importe des lieux.' },
          },
        ]}
      />
      {centreSelect}
      {structureSelect('structure')}
      {structureSelect('administration')}
      <h2 class="govuk-heading-m">Territoire</h2>
      <p class="govuk-body">Sans EPCI ni commune, le rôle vaut pour tout le département (ou pour les communes du centre social choisi).</p>
      {choices.epciList.length ? (
        <Checkboxes
          name="epci"
          idPrefix="epci"
          classes="govuk-checkboxes--small"
          fieldset={{ legend: { text: 'Intercommunalités (EPCI)', classes: 'govuk-fieldset__legend--s' } }}
          values={list(values.epci)}
          items={choices.epciList.map((e) => ({ value: e.siren, text: e.name }))}
          errorMessage={errorFor(errors, 'epci')}
        />
      ) : null}
      <Input
        id="communes"
        name="communes"
        label={{ text: 'Communes', classes: 'govuk-label--s' }}
        hint={{ text: 'Codes INSEE séparés par des virgules, par exemple 35288, 35360' }}
        value={valueOf(values, 'communes')}
        errorMessage={errorFor(errors, 'communes')}
        spellcheck={false}
      />
    </>
  );
}

export interface ParsedRole {
  role: RoleScope['role'];
  socialCentreId: string | null;
  structureId: string | null;
  epciCodes: string[];
  communeCodes: string[];
}

/** Checks the role answers against what exists; the commune codes are checked by the caller's lookup. */
export function parseRoleFields(
  values: FormValues,
  choices: RoleChoices,
  knownCommunes: Set<string>,
): { ok: true; value: ParsedRole } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const role = valueOf(values, 'role') as RoleScope['role'];
  if (!['admin', 'agent', 'centre_manager', 'structure_member', 'partner_agent', 'directory_moderator'].includes(role)) {
    errors.push({ field: 'role', message: 'Choisissez le rôle de la personne' });
  }
  let socialCentreId: string | null = null;
  let structureId: string | null = null;
  if (role === 'centre_manager' && !valueOf(values, 'centre')) errors.push({ field: 'centre', message: 'Choisissez le centre social que la personne dirige' });
  if ((role === 'agent' || role === 'centre_manager') && valueOf(values, 'centre')) {
    socialCentreId = valueOf(values, 'centre');
    if (!choices.centreList.some((c) => c.id === socialCentreId)) errors.push({ field: 'centre', message: 'Choisissez un centre social de la liste' });
  }
  if (role === 'structure_member' || role === 'partner_agent') {
    const field = role === 'structure_member' ? 'structure' : 'administration';
    structureId = valueOf(values, field) || null;
    if (!structureId) errors.push({ field, message: role === 'structure_member' ? 'Choisissez la structure de la personne' : 'Choisissez l’administration de la personne' });
    else if (!choices.structureList.some((s) => s.id === structureId)) errors.push({ field, message: 'Choisissez une structure de la liste' });
  }
  const epciCodes = list(values.epci).filter(Boolean);
  if (epciCodes.some((c) => !choices.epciList.some((e) => e.siren === c))) {
    errors.push({ field: 'epci', message: 'Choisissez des intercommunalités de la liste' });
  }
  const communeCodes = [...new Set(valueOf(values, 'communes').split(/[\s,;]+/).filter(Boolean))];
  const unknown = communeCodes.filter((c) => !knownCommunes.has(c));
  if (unknown.length) {
    errors.push({
      field: 'communes',
      message: `${unknown.length > 1 ? 'Ces codes ne sont pas des communes' : 'Ce code n’est pas une commune'} du département : ${unknown.join(', ')}`,
    });
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { role, socialCentreId, structureId, epciCodes, communeCodes } };
}
