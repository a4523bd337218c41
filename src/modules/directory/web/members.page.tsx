import type { FieldError } from '../../../platform/http/form.ts';
import { BackLink, Button, Input, NotificationBanner, SummaryList, Tag } from '../../../platform/views/components/index.ts';
import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import type { StructureMember } from '../../accounts/index.ts';
import { errorOf, Summary } from './form-kit.tsx';

export function MembersPage(props: {
  ctx: PageContext;
  structure: { id: string; name: string };
  members: StructureMember[];
  values: { email: string; displayName: string };
  errors: FieldError[];
  notice?: string | undefined;
}) {
  const { errors } = props;
  const title = `Membres de « ${props.structure.name} »`;
  return (
    <Layout ctx={props.ctx} title={title} hasErrors={errors.length > 0} beforeContent={<BackLink href="/ma-structure" text="Ma structure" />}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <Summary errors={errors} order={['displayName', 'email']} />
          {props.notice ? <NotificationBanner type="success" text={props.notice} /> : null}
          <h1 class="govuk-heading-l">{title}</h1>
          <h2 class="govuk-heading-m">Personnes qui tiennent à jour les informations de la structure</h2>
          <SummaryList
            rows={props.members.map((m) => ({
              key: { text: m.displayName },
              value: {
                html: (
                  <>
                    <span class="relais-break-word">{m.email}</span>
                    <br />
                    {m.status === 'active' ? <Tag text="Actif" classes="govuk-tag--green" /> : m.status === 'invited' ? <Tag text="Invitation envoyée" classes="govuk-tag--blue" /> : <Tag text="Désactivé" classes="govuk-tag--grey" />}
                  </>
                ),
              },
            }))}
          />
          <h2 class="govuk-heading-m">Inviter un ou une collègue</h2>
          <p class="govuk-body">Votre collègue reçoit un lien par e-mail, valable 7 jours, pour choisir son mot de passe.</p>
          <form method="post" action={`/ma-structure/structure/${props.structure.id}/membres`} novalidate>
            <input type="hidden" name="_csrf" value={props.ctx.csrfToken ?? ''} />
            <Input id="displayName" name="displayName" label={{ text: 'Prénom et nom', classes: 'govuk-label--s' }} value={props.values.displayName} errorMessage={errorOf(errors, 'displayName')} autocomplete="off" />
            <Input id="email" name="email" type="email" label={{ text: 'Adresse e-mail professionnelle', classes: 'govuk-label--s' }} value={props.values.email} errorMessage={errorOf(errors, 'email')} spellcheck={false} autocomplete="off" />
            <Button text="Envoyer l’invitation" preventDoubleClick />
          </form>
        </div>
      </div>
    </Layout>
  );
}
