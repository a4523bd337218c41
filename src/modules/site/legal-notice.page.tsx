import { Layout, type PageContext } from '../../platform/views/layout.tsx';
import { Address } from './address.tsx';
import { capitalised, departements } from './departement.ts';

export function LegalNoticePage({ ctx }: { ctx: PageContext }) {
  const d = departements[ctx.theme.departementCode];
  return (
    <Layout ctx={ctx} title="Mentions légales">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-xl">Mentions légales</h1>

          <h2 class="govuk-heading-l">Éditeur</h2>
          <p class="govuk-body">Le service {ctx.theme.serviceName} est édité par {d.name} :</p>
          <Address lines={d.address} />
          <p class="govuk-body">
            Site internet :{' '}
            <a class="govuk-link" href={d.website}>
              {d.website.replace('https://', '')}
            </a>
          </p>

          <h2 class="govuk-heading-l">Directeur de la publication</h2>
          <p class="govuk-body">Le président ou la présidente du conseil départemental.</p>

          <h2 class="govuk-heading-l">Hébergement</h2>
          {d.host ? (
            <p class="govuk-body">
              {d.host.name}, {d.host.address}
            </p>
          ) : (
            <p class="govuk-body">
              {capitalised(d.name)} indique ici l’hébergeur du service lors de sa mise en service. Vous pouvez le demander à
              l’adresse de l’éditeur ci-dessus.
            </p>
          )}

          <h2 class="govuk-heading-l" id="licence">
            Logiciel libre
          </h2>
          <p class="govuk-body">
            {ctx.theme.serviceName} est un logiciel libre, publié sous licence MIT : chacun peut le réutiliser, l’étudier, le
            modifier et le redistribuer. Les composants d’interface proviennent de GOV.UK Frontend et de MOJ Frontend, publiés
            sous licence MIT.
          </p>

          <h2 class="govuk-heading-l">Accessibilité</h2>
          <p class="govuk-body">
            Le service est non conforme au référentiel général d’amélioration de l’accessibilité (RGAA), faute d’audit à ce jour.{' '}
            <a class="govuk-link" href="/accessibilite">
              Lire la déclaration d’accessibilité
            </a>
            .
          </p>

          <h2 class="govuk-heading-l">Données personnelles</h2>
          <p class="govuk-body">
            <a class="govuk-link" href="/donnees-personnelles">
              Comment nous utilisons vos données et quels sont vos droits
            </a>
            .
          </p>
        </div>
      </div>
    </Layout>
  );
}
