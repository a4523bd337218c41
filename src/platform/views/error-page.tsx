import { Layout, type PageContext } from './layout.tsx';

export interface ErrorPageProps {
  ctx: PageContext;
  status: 403 | 404 | 413 | 429 | 500 | 503;
  requestId?: string;
}

const texts: Record<ErrorPageProps['status'], { title: string; body: string[] }> = {
  403: {
    title: 'Accès refusé',
    body: [
      'Vous n’avez pas le droit d’accéder à cette page, ou le formulaire a expiré.',
      'Si vous remplissiez un formulaire, revenez en arrière, rechargez la page et envoyez-le de nouveau.',
    ],
  },
  404: {
    title: 'Page introuvable',
    body: [
      'Si vous avez tapé l’adresse, vérifiez qu’elle est correcte.',
      'Si vous avez collé l’adresse, vérifiez que vous l’avez copiée en entier.',
    ],
  },
  413: {
    title: 'Envoi trop volumineux',
    body: ['Ce que vous avez envoyé est trop gros. Réduisez la taille des fichiers ou du texte, puis recommencez.'],
  },
  429: {
    title: 'Trop de tentatives',
    body: ['Vous avez fait trop de tentatives. Attendez quelques minutes avant de recommencer.'],
  },
  500: {
    title: 'Désolé, le service rencontre un problème',
    body: ['Réessayez plus tard. Ce que vous aviez déjà enregistré est conservé.'],
  },
  503: {
    title: 'Service momentanément indisponible',
    body: ['Réessayez dans quelques minutes.'],
  },
};

export function ErrorPage({ ctx, status, requestId }: ErrorPageProps) {
  const t = texts[status];
  return (
    <Layout ctx={ctx} title={t.title}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{t.title}</h1>
          {t.body.map((p) => (
            <p class="govuk-body">{p}</p>
          ))}
          {requestId ? (
            <p class="govuk-body-s">
              Si vous contactez le service, donnez cette référence : <strong>{requestId}</strong>
            </p>
          ) : null}
          <p class="govuk-body">
            <a class="govuk-link" href="/">
              Retourner à l’accueil
            </a>
          </p>
        </div>
      </div>
    </Layout>
  );
}
