import { SummaryList } from '../../../platform/views/components/index.ts';
import { describeOpeningHours } from '../../../platform/time/opening-hours.ts';
import type { SocialCentre } from '../domain/social-centre.ts';

/** A social centre's contact details, as a resident needs them. */
export function CentreCard({ centre, headingLevel = 2 }: { centre: SocialCentre; headingLevel?: 2 | 3 }) {
  const hours = centre.openingHours ? describeOpeningHours(centre.openingHours) : null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div class="relais-centre-card">
      <Heading class="govuk-heading-m">{centre.name}</Heading>
      <SummaryList
        rows={[
          { key: { text: 'Adresse' }, value: { text: centre.address } },
          !!centre.phone && {
            key: { text: 'Téléphone' },
            value: {
              html: (
                <a class="govuk-link" href={`tel:${centre.phone.replace(/[\s.-]/g, '')}`}>
                  {centre.phone}
                </a>
              ),
            },
          },
          !!centre.email && {
            key: { text: 'Courriel' },
            value: {
              html: (
                <a class="govuk-link" href={`mailto:${centre.email}`}>
                  {centre.email}
                </a>
              ),
            },
          },
          !!centre.openingHours && {
            key: { text: 'Horaires' },
            value: hours
              ? {
                  html: (
                    <ul class="govuk-list">
                      {hours.map((line) => (
                        <li>{line}</li>
                      ))}
                    </ul>
                  ),
                }
              : { text: centre.openingHours },
          },
        ]}
      />
    </div>
  );
}
