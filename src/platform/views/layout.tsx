import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { Principal } from '../http/context.ts';
import { assetUrl } from './assets.ts';
import type { Theme } from './theme.ts';

/** The one inline script of every page; the CSP allows it by its hash (platform/http/security-headers.ts). */
export const jsEnabledScript =
  "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');";

/** What the layout needs to know about the request. Built by pageContext(c) in platform/http/render.tsx. */
export interface PageContext {
  theme: Theme;
  principal: Principal;
  csrfToken: string | null;
  currentPath: string;
}

export interface LayoutProps {
  ctx: PageContext;
  /** The page's own title; the layout appends the service and département names. */
  title: string;
  /** Set when the page shows form errors: the title is then prefixed with « Erreur : ». */
  hasErrors?: boolean;
  /** Content above <main> (back link, breadcrumbs). */
  beforeContent?: Child;
  /** Extra scripts for this page only (progressive enhancement). */
  scripts?: string[];
  /** Pages a person may need to hide quickly (violence, child protection) show « Quitter cette page ». */
  exitThisPage?: boolean;
  children?: Child;
}

export function Layout(props: LayoutProps) {
  const { ctx } = props;
  const fullTitle = `${props.hasErrors ? 'Erreur : ' : ''}${props.title} – ${ctx.theme.serviceName} – ${ctx.theme.departementName}`;
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="fr" class="govuk-template">
        <head>
          <meta charset="utf-8" />
          <title>{fullTitle}</title>
          <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
          <meta name="theme-color" content={ctx.theme.brandColour} />
          <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
          <link rel="stylesheet" href={assetUrl(ctx.theme.stylesheet)} />
        </head>
        <body class="govuk-template__body">
          <script>{raw(jsEnabledScript)}</script>
          <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">
            Aller au contenu principal
          </a>
          <header class="govuk-template__header">
            <div class="govuk-header" data-module="govuk-header">
              <div class="govuk-header__container govuk-width-container">
                <div class="govuk-header__logo">
                  <a href="/" class="govuk-header__homepage-link">
                    <span class="relais-logo-text">{ctx.theme.logoText}</span>
                  </a>
                </div>
              </div>
            </div>
            <section aria-label="Menu du service" class="govuk-service-navigation" data-module="govuk-service-navigation">
              <div class="govuk-width-container">
                <div class="govuk-service-navigation__container">
                  <span class="govuk-service-navigation__service-name">
                    <a href="/" class="govuk-service-navigation__link">
                      {ctx.theme.serviceName}
                    </a>
                  </span>
                  <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
                    <ul class="govuk-service-navigation__list" id="navigation">
                      {ctx.principal.kind === 'anonymous' ? (
                        <li class="govuk-service-navigation__item">
                          <a class="govuk-service-navigation__link" href="/connexion">
                            Se connecter
                          </a>
                        </li>
                      ) : (
                        <>
                          <li class="govuk-service-navigation__item">
                            <a class="govuk-service-navigation__link" href="/compte">
                              Mon compte
                            </a>
                          </li>
                          <li class="govuk-service-navigation__item">
                            <form method="post" action="/deconnexion" class="relais-inline-form">
                              <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
                              <button type="submit" class="govuk-service-navigation__link relais-link-button">
                                Se déconnecter
                              </button>
                            </form>
                          </li>
                        </>
                      )}
                    </ul>
                  </nav>
                </div>
              </div>
            </section>
          </header>
          <div class="govuk-width-container">
            {props.beforeContent}
            <main class="govuk-main-wrapper" id="main-content">
              {props.children}
            </main>
          </div>
          <footer class="govuk-footer">
            <div class="govuk-width-container">
              <div class="govuk-footer__meta">
                <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                  <h2 class="govuk-visually-hidden">Liens utiles</h2>
                  <ul class="govuk-footer__inline-list">
                    <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/accessibilite">Accessibilité : partiellement conforme</a></li>
                    <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/mentions-legales">Mentions légales</a></li>
                    <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/donnees-personnelles">Données personnelles</a></li>
                    <li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/plan-du-site">Plan du site</a></li>
                  </ul>
                  <p class="govuk-body-s">Un service du {ctx.theme.logoText.replace('Département', 'département')}, propulsé par Relais, logiciel libre.</p>
                </div>
              </div>
            </div>
          </footer>
          <script type="module" src={assetUrl('relais.js')}></script>
          {(props.scripts ?? []).map((s) => (
            <script type="module" src={assetUrl(s)}></script>
          ))}
        </body>
      </html>
    </>
  );
}
