import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { buildDir } from '../views/assets.ts';
import type { AppEnv } from './context.ts';

const types: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

// Files under /assets/ have a content hash in their name: they never change, so browsers keep them a year.
// The build wrote .br and .gz versions beside each text file; we send the best one the browser accepts.
export const staticAssets: MiddlewareHandler<AppEnv> = async (c) => {
  const rel = normalize(decodeURIComponent(new URL(c.req.url).pathname.replace(/^\/assets\//, '')));
  if (rel.startsWith('..') || rel.includes('\0')) return c.notFound();
  const file = join(buildDir, rel);
  const type = types[extname(file)];
  if (!type) return c.notFound();
  try {
    await stat(file);
  } catch {
    return c.notFound();
  }
  const accept = c.req.header('accept-encoding') ?? '';
  for (const [enc, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
    if (!accept.includes(enc)) continue;
    try {
      const body = await readFile(file + suffix);
      return c.body(body, 200, {
        'content-type': type,
        'content-encoding': enc,
        'cache-control': 'public, max-age=31536000, immutable',
        vary: 'accept-encoding',
      });
    } catch {
      // no precompressed version of this file
    }
  }
  return c.body(await readFile(file), 200, {
    'content-type': type,
    'cache-control': 'public, max-age=31536000, immutable',
    vary: 'accept-encoding',
  });
};
