import { describeOpeningHours } from '../domain/opening-hours.ts';
import type { SocialCentre } from '../domain/social-centre.ts';

/** A social centre's contact details, as a resident needs them. */
export function CentreCard({ centre, headingLevel = 2 }: { centre: SocialCentre; headingLevel?: 2 | 3 }) {
  const hours = centre.openingHours ? describeOpeningHours(centre.openingHours) : null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="relais-centre-card">
      <Heading class="govuk-heading-m">{centre.name}</Heading>
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Adresse</dt>
          <dd class="govuk-summary-list__value">{centre.address}</dd>
        </div>
        {centre.phone ? (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Téléphone</dt>
            <dd class="govuk-summary-list__value">
              <a class="govuk-link" href={`tel:${centre.phone.replace(/[\s.-]/g, '')}`}>
                {centre.phone}
              </a>
            </dd>
          </div>
        ) : null}
        {centre.email ? (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Courriel</dt>
            <dd class="govuk-summary-list__value">
              <a class="govuk-link" href={`mailto:${centre.email}`}>
                {centre.email}
              </a>
            </dd>
          </div>
        ) : null}
        {centre.openingHours ? (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">Horaires</dt>
            <dd class="govuk-summary-list__value">
              {hours ? (
                <ul class="govuk-list">
                  {hours.map((line) => (
                    <li>{line}</li>
                  ))}
                </ul>
              ) : (
                centre.openingHours
              )}
            </dd>
          </div>
        ) : null}
      </dl>
    </div>
  );
}
