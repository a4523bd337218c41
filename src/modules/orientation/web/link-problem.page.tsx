import { Layout, type PageContext } from '../../../platform/views/layout.tsx';

export type LinkProblem = 'unknown' | 'expired' | 'anonymised' | 'answered' | 'blocked';

const texts: Record<LinkProblem, { status: 404 | 409 | 410 | 429; title: string; body: string[] }> = {
  unknown: {
    status: 404,
    title: 'Ce lien ne fonctionne pas',
    body: [
      'Le lien de réponse à une orientation est peut-être incomplet : vérifiez que vous l’avez copié en entier depuis l’e-mail reçu.',
      'Si le problème continue, contactez la personne qui a orienté.',
    ],
  },
  expired: {
    status: 410,
    title: 'Ce lien a expiré',
    body: [
      'Une orientation doit recevoir une réponse dans les 30 jours : ce délai est passé, et le lien ne donne plus accès à la demande.',
      'Si la personne a encore besoin de votre aide, contactez la personne qui l’a orientée.',
    ],
  },
  anonymised: {
    status: 410,
    title: 'Cette orientation n’est plus disponible',
    body: ['Les informations sur la personne ont été effacées à la fin de la durée de conservation.'],
  },
  answered: {
    status: 409,
    title: 'Une réponse a déjà été donnée',
    body: [
      'Quelqu’un de votre structure a déjà répondu à cette orientation : votre réponse n’a pas été enregistrée.',
      'Rechargez la page de l’orientation pour voir la réponse donnée.',
    ],
  },
  blocked: {
    status: 429,
    title: 'Trop de tentatives',
    body: ['Trop de liens de réponse incorrects ont été essayés depuis votre connexion. Attendez quelques minutes avant de recommencer.'],
  },
};

export const linkProblemStatus = (p: LinkProblem) => texts[p].status;

export function LinkProblemPage({ ctx, problem }: { ctx: PageContext; problem: LinkProblem }) {
  const t = texts[problem];
  return (
    <Layout ctx={ctx} title={t.title}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{t.title}</h1>
          {t.body.map((p) => (
            <p class="govuk-body">{p}</p>
          ))}
        </div>
      </div>
    </Layout>
  );
}
