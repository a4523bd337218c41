// « Importer des lieux » for the département team: upload a file, see what the import would change and every
// error by line, then confirm. The file is kept in the database between the two steps (the confirmation may
// reach another process); the import itself is the same use case as the command line.
import { and, eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../../platform/http/context.ts';
import { allow } from '../../../platform/http/guard.ts';
import { clientIp } from '../../../platform/http/rate-limit.ts';
import { pageContext } from '../../../platform/http/render.tsx';
import { directoryImportUploads } from '../db/import-upload.table.ts';
import { importPlaces, type ImportActor, type ImportPlacesResult } from '../use-cases/import-places.ts';
import { fileSize, ImportReportPage, ImportUploadPage, type UploadErrors } from './import-upload.page.tsx';

export const IMPORT_UPLOAD_PATH = '/admin/annuaire/import';
/** Room for the multipart envelope and the other fields around the file, in the request's size limit. */
export const IMPORT_FORM_OVERHEAD = 64 * 1024;

export const importUploadRoutes = new Hono<AppEnv>();
const team = allow.staff('admin', 'directory_moderator');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;



function actorOf(c: Context<AppEnv>): ImportActor {
  const p = c.get('principal');
  return {
    userId: p.kind === 'anonymous' ? null : p.userId,
    label: p.kind === 'anonymous' ? 'visiteur anonyme' : p.email,
    ip: clientIp(c),
    requestId: c.get('requestId') ?? null,
  };
}

importUploadRoutes.get(IMPORT_UPLOAD_PATH, team, async (c) => {
  const maxBytes = c.get('deps').config.importMaxBytes;
  // A request over the size limit is cut short before it is read, and sent back here to say so by the field.
  const errors: UploadErrors = c.req.query('trop-volumineux') ? { fichier: `Le fichier doit faire ${fileSize(maxBytes)} au plus` } : {};
  return c.html(<ImportUploadPage ctx={await pageContext(c, { form: true })} errors={errors} source="" maxBytes={maxBytes} />, errors.fichier ? 422 : 200);
});

/** The file's text when it is what its name says (checked on the content, not only the extension), or why not. */
async function readUpload(file: File, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const name = file.name.toLowerCase();
  const kind = name.endsWith('.csv') ? 'csv' : name.endsWith('.json') ? 'json' : null;
  if (kind === null) return { ok: false, message: 'Le fichier doit être au format CSV (.csv) ou JSON (.json)' };
  if (file.size === 0) return { ok: false, message: 'Le fichier est vide' };
  if (file.size > maxBytes) return { ok: false, message: `Le fichier doit faire ${fileSize(maxBytes)} au plus` };
  const bytes = new Uint8Array(await file.arrayBuffer());
  // A spreadsheet saved as is (.xlsx, .ods are ZIP archives) is the usual mistake.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return { ok: false, message: 'Le fichier est un classeur (Excel, LibreOffice) : enregistrez-le au format « CSV UTF-8 » puis envoyez ce fichier' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: 'Le fichier doit être encodé en UTF-8 (dans un tableur : enregistrer sous « CSV UTF-8 »)' };
  }
  if (text.includes('\u0000')) return { ok: false, message: 'Le fichier n’est pas un fichier texte CSV ou JSON' };
  const first = text.replace(/^[\s\ufeff]+/u, '')[0] ?? '';
  if (kind === 'json' && first !== '[' && first !== '{') return { ok: false, message: 'Le contenu du fichier n’est pas du JSON (il doit commencer par « [ » ou « { »)' };
  if (kind === 'csv' && (first === '[' || first === '{' || first === '<' || !/^[^\r\n]*[,;]/u.test(text.replace(/^\ufeff/u, '')))) {
    return { ok: false, message: 'Le contenu du fichier n’est pas un CSV (une ligne d’en-tête avec des colonnes séparées par des virgules)' };
  }
  return { ok: true, text };
}

importUploadRoutes.post(IMPORT_UPLOAD_PATH, team, async (c) => {
  const deps = c.get('deps');
  const maxBytes = deps.config.importMaxBytes;
  const body = await c.req.parseBody();
  const source = typeof body['source'] === 'string' ? body['source'].trim() : '';
  const file = body['fichier'];
  const errors: UploadErrors = {};
  let text = '';
  if (!(file instanceof File) || (file.name === '' && file.size === 0)) errors.fichier = 'Choisissez le fichier à importer';
  else {
    const read = await readUpload(file, maxBytes);
    if (read.ok) text = read.text;
    else errors.fichier = read.message;
  }
  if (source === '') errors.source = 'Saisissez le nom de la source';
  else if (source.length > 100) errors.source = 'Le nom de la source doit faire 100 caractères au plus';
  else if (!/^[\p{L}\p{N} ._'-]+$/u.test(source)) errors.source = 'Le nom de la source ne peut contenir que des lettres, des chiffres, des espaces, des points, des tirets et des apostrophes';
  if (errors.fichier || errors.source) {
    return c.html(<ImportUploadPage ctx={await pageContext(c, { form: true })} errors={errors} source={source} maxBytes={maxBytes} />, 422);
  }
  const principal = c.get('principal');
  const id = deps.ids.uuid();
  await deps.db.insert(directoryImportUploads).values({
    id,
    userId: principal.kind === 'anonymous' ? id : principal.userId,
    fileName: (file as File).name.slice(0, 200),
    source,
    size: (file as File).size,
    content: text,
    createdAt: deps.clock.now(),
  });
  return c.redirect(`${IMPORT_UPLOAD_PATH}/${id}`, 303);
});

async function findUpload(c: Context<AppEnv>) {
  const id = c.req.param('id') ?? '';
  if (!UUID.test(id)) return null;
  const [upload] = await c.get('deps').db.select().from(directoryImportUploads).where(eq(directoryImportUploads.id, id));
  return upload ?? null;
}

importUploadRoutes.get(`${IMPORT_UPLOAD_PATH}/:id`, team, async (c) => {
  const deps = c.get('deps');
  const upload = await findUpload(c);
  if (!upload) return c.notFound();
  // Before the confirmation the preview is computed again, so it reflects the directory as it is now.
  const stored = upload.status === 'imported' && upload.result ? (upload.result as ImportPlacesResult) : null;
  const result =
    stored ?? (await importPlaces(deps, { chunks: [upload.content ?? ''], source: upload.source, fileName: upload.fileName, actor: actorOf(c), dryRun: true }));
  const view = { id: upload.id, fileName: upload.fileName, source: upload.source, status: stored ? ('imported' as const) : ('pending' as const) };
  return c.html(<ImportReportPage ctx={await pageContext(c, { form: true })} upload={view} result={result} />);
});

importUploadRoutes.post(`${IMPORT_UPLOAD_PATH}/:id/confirmer`, team, async (c) => {
  const deps = c.get('deps');
  const upload = await findUpload(c);
  if (!upload) return c.notFound();
  // Claim the upload first: a second click (or a second tab) finds it taken and only sees the report.
  const claimed = await deps.db
    .update(directoryImportUploads)
    .set({ status: 'imported', importedAt: deps.clock.now() })
    .where(and(eq(directoryImportUploads.id, upload.id), eq(directoryImportUploads.status, 'pending')))
    .returning({ id: directoryImportUploads.id });
  if (claimed.length === 0) return c.redirect(`${IMPORT_UPLOAD_PATH}/${upload.id}`, 303);
  const result = await importPlaces(deps, { chunks: [upload.content ?? ''], source: upload.source, fileName: upload.fileName, actor: actorOf(c) });
  await deps.db.update(directoryImportUploads).set({ result, content: null }).where(eq(directoryImportUploads.id, upload.id));
  return c.redirect(`${IMPORT_UPLOAD_PATH}/${upload.id}`, 303);
});
