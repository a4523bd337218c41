// Builds the themed stylesheets and scripts into public/build with content-hashed names, plus their
// gzip and brotli versions, and writes public/build/manifest.json (logical name → hashed name).
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import * as sass from 'sass';
import { themes } from '../src/platform/views/theme.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'public/build');
const viewsDir = join(root, 'src/platform/views');
// Page scripts owned by modules (progressive enhancement loaded only where needed): logical name → source.
const moduleScripts: Record<string, string> = {
  'commune-autocomplete.js': join(root, 'src/modules/territory/web/commune-autocomplete.js'),
  'place-map.js': join(root, 'src/modules/directory/web/place-map.js'),
  'search-position.js': join(root, 'src/modules/directory/web/search-position.js'),
  'procedure-autosave.js': join(root, 'src/modules/procedures/web/procedure-autosave.js'),
};
// Third-party files served as they are, loaded only by the pages that need them (MapLibre: its CSP build,
// whose worker is a file, so the Content-Security-Policy needs no blob: worker).
const vendorFiles: Record<string, string> = {
  'maplibre-gl.js': join(root, 'node_modules/maplibre-gl/dist/maplibre-gl-csp.js'),
  'maplibre-gl-worker.js': join(root, 'node_modules/maplibre-gl/dist/maplibre-gl-csp-worker.js'),
  'maplibre-gl.css': join(root, 'node_modules/maplibre-gl/dist/maplibre-gl.css'),
};

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

if (process.argv.includes('--if-needed') && existsSync(join(out, 'manifest.json'))) {
  const built = statSync(join(out, 'manifest.json')).mtimeMs;
  const sources = Math.max(
    newestMtime(join(viewsDir, 'styles')),
    newestMtime(join(viewsDir, 'scripts')),
    newestMtime(join(viewsDir, 'images')),
    statSync(join(viewsDir, 'theme.ts')).mtimeMs,
    ...Object.values(moduleScripts).map((f) => statSync(f).mtimeMs),
    ...Object.values(vendorFiles).map((f) => statSync(f).mtimeMs),
  );
  if (built >= sources) process.exit(0);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const manifest: Record<string, string> = {};

function emit(name: string, content: Buffer | string): void {
  const buf = Buffer.isBuffer(content) ? content : Buffer.from(content);
  const hash = createHash('sha256').update(buf).digest('hex').slice(0, 10);
  const ext = extname(name);
  const hashed = `${basename(name, ext)}.${hash}${ext}`;
  const target = join(out, hashed);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, buf);
  if (/\.(css|js|svg|json)$/.test(ext)) {
    writeFileSync(`${target}.gz`, gzipSync(buf, { level: 9 }));
    writeFileSync(`${target}.br`, brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  manifest[name] = hashed;
}

const template = readFileSync(join(viewsDir, 'styles/relais.scss.tpl'), 'utf8');
for (const theme of Object.values(themes)) {
  const source = template.replace('__BRAND__', theme.brandColour);
  const result = sass.compileString(source, {
    loadPaths: [join(viewsDir, 'styles'), root],
    style: 'compressed',
    quietDeps: true,
    silenceDeprecations: ['import'],
    logger: {
      // MOJ Frontend 11 still calls GOV.UK Frontend mixins that GOV.UK 6 deprecates: those warnings come from
      // node_modules and are theirs to fix. Any warning raised from our own styles is still printed.
      warn(message, { stack }) {
        const fromDependency = !!stack && stack.split('\n').every((line) => !line.trim() || line.includes('node_modules/') || /^\s*- /.test(line));
        if (!fromDependency) console.warn(`Avertissement sass : ${message}${stack ? `\n${stack}` : ''}`);
      },
    },
  });
  // The footer's Crown copyright crest belongs to the UK government; our footer never shows it (see
  // components/footer.tsx), so the stylesheet must not point at it either.
  emit(theme.stylesheet, result.css.replaceAll(/url\("?[^")]*govuk-crest\.svg"?\)/g, 'none'));
}

emit('govuk-frontend.js', readFileSync(join(root, 'node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js')));
const relaisJs = readFileSync(join(viewsDir, 'scripts/relais.js'), 'utf8').replace(
  './govuk-frontend.js',
  `./${manifest['govuk-frontend.js']}`,
);
emit('relais.js', relaisJs);
// Comment lines and indentation are dropped: these small hand-written scripts need no real minifier.
for (const [name, file] of Object.entries(moduleScripts)) {
  emit(name, readFileSync(file, 'utf8').replace(/^\s*\/\/.*\n/gm, '').replace(/^\s+/gm, ''));
}
for (const [name, file] of Object.entries(vendorFiles)) {
  // Source maps are not shipped: drop the comment that points at them.
  emit(name, readFileSync(file, 'utf8').replace(/\n\/[/*][#@] sourceMappingURL=\S+\s*$/, '\n'));
}
// Our own favicon: GOV.UK Frontend's is the crown.
emit('favicon.svg', readFileSync(join(viewsDir, 'images/favicon.svg')));

// GOV.UK Frontend's own images (no fonts: we use the system font stack, never GDS Transport).
cpSync(join(root, 'node_modules/govuk-frontend/dist/govuk/assets/images'), join(out, 'govuk/images'), {
  recursive: true,
  // Nothing with the crown: the crest, the GOV.UK favicons and app icons.
  filter: (src) => !/(govuk-crest|favicon|govuk-icon|govuk-opengraph)/.test(basename(src)),
});

writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2));
console.log(`Ressources construites dans public/build (${Object.keys(manifest).length} fichiers).`);
