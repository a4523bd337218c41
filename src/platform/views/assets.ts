import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Built by scripts/build-assets.ts: logical name → hashed file name under /assets/.
export const buildDir = fileURLToPath(new URL('../../../public/build', import.meta.url));

let manifest: Record<string, string> | null = null;

function loadManifest(): Record<string, string> {
  if (manifest) return manifest;
  const file = `${buildDir}/manifest.json`;
  manifest = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  return manifest;
}

/** URL of a built asset, e.g. assetUrl('relais-35.css') → /assets/relais-35.3f2a9c1b.css */
export function assetUrl(name: string): string {
  const hashed = loadManifest()[name];
  return `/assets/${hashed ?? name}`;
}
