import { Layout, type PageContext } from '../../../platform/views/layout.tsx';
import { Button, ErrorSummary, FileUpload, Input, NotificationBanner, SummaryList, Table, WarningText } from '../../../platform/views/components/index.ts';
import type { ImportPlacesResult } from '../use-cases/import-places.ts';

export type UploadField = 'fichier' | 'source';
export type UploadErrors = Partial<Record<UploadField, string>>;

const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
export const fileSize = (bytes: number) => (bytes >= 1_000_000 ? `${decimal.format(bytes / 1_000_000)} Mo` : `${decimal.format(bytes / 1000)} ko`);

export function ImportUploadPage({ ctx, errors, source, maxBytes }: { ctx: PageContext; errors: UploadErrors; source: string; maxBytes: number }) {
  const list = (['fichier', 'source'] as const).filter((f) => errors[f]).map((f) => ({ text: errors[f]!, href: `#${f}` }));
  return (
    <Layout ctx={ctx} title="Importer des lieux" hasErrors={list.length > 0}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {list.length > 0 ? <ErrorSummary errorList={list} /> : null}
          <h1 class="govuk-heading-l">Importer des lieux</h1>
          <p class="govuk-body">
            Envoyez un fichier de lieux de médiation numérique : CSV du schéma national (version 1.0.x), ou ancien
            format « v0 » de la cartographie nationale en CSV ou en JSON. Vous verrez d’abord ce que l’import
            changerait et toutes les erreurs ligne par ligne ; rien n’est enregistré avant votre confirmation.
          </p>
          <form method="post" action="/admin/annuaire/import" enctype="multipart/form-data" novalidate>
            <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
            <FileUpload
              id="fichier"
              name="fichier"
              label={{ text: 'Fichier', classes: 'govuk-label--m' }}
              hint={{ text: `Un fichier .csv (colonnes séparées par des virgules, encodé en UTF-8) ou .json, de ${fileSize(maxBytes)} au plus.` }}
              errorMessage={errors.fichier ? { text: errors.fichier } : undefined}
              attributes={{ accept: '.csv,.json,text/csv,application/json' }}
            />
            <Input
              id="source"
              name="source"
              value={source}
              classes="govuk-!-width-two-thirds"
              label={{ text: 'Nom de la source', classes: 'govuk-label--m' }}
              hint={{ text: 'Par exemple « hub-bretagne ». Gardez le même nom à chaque import de ce fichier : c’est ainsi que Relais reconnaît les lieux déjà importés et ne met à jour que ce qui a changé.' }}
              errorMessage={errors.source ? { text: errors.source } : undefined}
              spellcheck={false}
            />
            <Button text="Vérifier le fichier" />
          </form>
        </div>
      </div>
    </Layout>
  );
}

export interface UploadView {
  id: string;
  fileName: string;
  source: string;
  status: 'pending' | 'imported';
}

function versionLabel(r: ImportPlacesResult): string {
  const kind = r.version === 'v0' ? 'ancien format v0 de la cartographie nationale' : 'schéma national v1.0.x';
  return `${r.format.toUpperCase()}, ${kind}`;
}

export function ImportReportPage({ ctx, upload, result }: { ctx: PageContext; upload: UploadView; result: ImportPlacesResult }) {
  const done = upload.status === 'imported';
  const valid = result.created + result.updated + result.unchanged;
  const unreadable = result.fileErrors.length > 0;
  return (
    <Layout ctx={ctx} title={done ? 'Import terminé' : 'Vérifier l’import'}>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-full">
          {done ? (
            <NotificationBanner
              type="success"
              text={`Import terminé : ${result.created} lieu${result.created > 1 ? 'x' : ''} créé${result.created > 1 ? 's' : ''}, ${result.updated} mis à jour, ${result.unchanged} inchangé${result.unchanged > 1 ? 's' : ''}.`}
            />
          ) : null}
          {unreadable ? (
            <ErrorSummary
              titleText="Le fichier ne peut pas être importé"
              errorList={result.fileErrors.flatMap((f) => f.errors.map((e) => ({ text: f.line > 0 ? `Ligne ${f.line} : ${e.message}` : e.message })))}
            />
          ) : null}
          <h1 class="govuk-heading-l">{done ? 'Import terminé' : 'Vérifier l’import'}</h1>
          <SummaryList
            rows={[
              { key: { text: 'Fichier' }, value: { text: upload.fileName } },
              { key: { text: 'Source' }, value: { text: upload.source } },
              { key: { text: 'Format' }, value: { text: versionLabel(result) } },
              { key: { text: 'Lignes lues' }, value: { text: String(result.rows) } },
              { key: { text: done ? 'Lieux créés' : 'Lieux à créer' }, value: { text: String(result.created) } },
              { key: { text: done ? 'Lieux mis à jour' : 'Lieux à mettre à jour' }, value: { text: String(result.updated) } },
              { key: { text: 'Lieux inchangés' }, value: { text: String(result.unchanged) } },
              { key: { text: 'Lignes refusées' }, value: { text: String(result.rejectedCount) } },
              { key: { text: 'Lieux à géolocaliser' }, value: { text: String(result.toGeolocateCount) } },
            ]}
          />
          {result.warnings.map((w) => (
            <WarningText text={w} />
          ))}
          {!done && !unreadable && valid > 0 ? (
            <form method="post" action={`/admin/annuaire/import/${upload.id}/confirmer`} novalidate>
              <input type="hidden" name="_csrf" value={ctx.csrfToken ?? ''} />
              {result.rejectedCount > 0 ? (
                <WarningText text={`Les ${result.rejectedCount} lignes refusées ne seront pas importées, même en partie. Corrigez-les dans le fichier puis importez-le à nouveau.`} />
              ) : null}
              <div class="govuk-button-group">
                <Button text={valid === 1 ? 'Importer le lieu valide' : `Importer les ${valid} lieux valides`} />
                <a class="govuk-link" href="/admin/annuaire/import">
                  Envoyer un autre fichier
                </a>
              </div>
            </form>
          ) : (
            <p class="govuk-body">
              <a class="govuk-link" href="/admin/annuaire/import">
                {done ? 'Importer un autre fichier' : 'Envoyer un autre fichier'}
              </a>
            </p>
          )}
          {result.rejectedCount > 0 ? (
            <Table
              caption={`Lignes refusées (${result.rejectedCount})`}
              captionClasses="govuk-table__caption--m"
              head={[{ text: 'Ligne', format: 'numeric' }, { text: 'Erreurs' }]}
              rows={result.rejected.map((r) => [
                { text: String(r.line), format: 'numeric' },
                {
                  html: (
                    <ul class="govuk-list">
                      {r.errors.map((e) => (
                        <li>{e.message}</li>
                      ))}
                    </ul>
                  ),
                },
              ])}
            />
          ) : null}
          {result.rejectedCount > result.rejected.length ? (
            <p class="govuk-body">Seules les {result.rejected.length} premières lignes refusées sont affichées.</p>
          ) : null}
          {result.toGeolocateCount > 0 ? (
            <Table
              caption={`Lieux à géolocaliser, sans latitude ni longitude (${result.toGeolocateCount})`}
              captionClasses="govuk-table__caption--m"
              head={[{ text: 'Ligne', format: 'numeric' }, { text: 'Lieu' }, { text: 'Identifiant' }]}
              rows={result.toGeolocate.map((g) => [{ text: String(g.line), format: 'numeric' }, { text: g.name }, { text: g.id }])}
            />
          ) : null}
        </div>
      </div>
    </Layout>
  );
}
