import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { Principal } from '../http/context.ts';
import { assetUrl } from './assets.ts';
import type { Theme } from './theme.ts';
import { ExitThisPage, Footer, GenericHeader, ServiceNavigation, SkipLink, type ServiceNavigationItem } from './components/index.ts';

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

/** Links of every page's footer. */
export const footerLinks = [
  { href: '/accessibilite', text: 'Accessibilité : non conforme' },
  { href: '/mentions-legales', text: 'Mentions légales' },
  { href: '/donnees-personnelles', text: 'Données personnelles' },
  { href: '/plan-du-site', text: 'Plan du site' },
];

function navigationItems(ctx: PageContext): ServiceNavigationItem[] {
  const items =
    ctx.principal.kind === 'anonymous'
      ? [{ href: '/connexion', text: 'Se connecter' }]
      : [{ href: '/compte', text: 'Mon compte' }];
  return items.map((item) => ({ ...item, current: ctx.currentPath === item.href }));
}

export function Layout(props: LayoutProps) {
  const { ctx } = props;
  const { theme } = ctx;
  const fullTitle = `${props.hasErrors ? 'Erreur : ' : ''}${props.title} – ${theme.serviceName} – ${theme.departementName}`;
  const signedIn = ctx.principal.kind !== 'anonymous';
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="fr" class="govuk-template">
        <head>
          <meta charset="utf-8" />
          <title>{fullTitle}</title>
          <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
          <meta name="theme-color" content={theme.brandColour} />
          <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
          <link rel="stylesheet" href={assetUrl(theme.stylesheet)} />
        </head>
        <body class="govuk-template__body">
          <script>{raw(jsEnabledScript)}</script>
          <SkipLink href="#main-content" />
          <header class="govuk-template__header">
            {/* The generic header has no crown: the département's name stands in for a logo. */}
            <GenericHeader url="/" logoHtml={<span class="relais-logo-text">{theme.logoText}</span>} />
            <ServiceNavigation
              ariaLabel="Menu du service"
              serviceName={theme.serviceName}
              serviceUrl="/"
              navigationLabel="Menu"
              collapseNavigationOnMobile={false}
              navigation={navigationItems(ctx)}
              slots={{
                // Signing out changes state, so it is a POST form with the CSRF token, not a link.
                navigationEnd: signedIn ? (
                  <li class="govuk-service-navigation__item">
                    <form method="post" action="/deconnexion" class="relais-inline-form">
                      <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
                      <button type="submit" class="govuk-service-navigation__link relais-link-button">
                        Se déconnecter
                      </button>
                    </form>
                  </li>
                ) : undefined,
              }}
            />
          </header>
          <div class="govuk-width-container">
            {props.exitThisPage ? <ExitThisPage /> : null}
            {props.beforeContent}
            <main class="govuk-main-wrapper" id="main-content">
              {props.children}
            </main>
          </div>
          <footer class="govuk-template__footer">
            <Footer
              meta={{
                items: footerLinks,
                html: (
                  <p class="govuk-body-s">
                    Un service du {theme.logoText.replace('Département', 'département')}, propulsé par Relais, logiciel libre.
                  </p>
                ),
              }}
            />
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
