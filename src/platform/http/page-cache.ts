import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { AppEnv } from './context.ts';

// Public pages whose HTML is the same for every anonymous visitor (it depends only on the code and the
// configuration) are rendered once per process and kept with their gzip and brotli versions: rendering
// dominates the cost of a page, so this is what keeps the home page fast. Never use it for a page that reads
// the database or shows anything about the visitor; a signed-in visitor always gets a fresh render.

interface Entry {
  etag: string;
  raw: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
  br: Uint8Array<ArrayBuffer>;
}

const cache = new Map<string, Entry>();

function entryFor(html: string): Entry {
  const raw = Buffer.from(html);
  return {
    etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`,
    raw: new Uint8Array(raw),
    gzip: new Uint8Array(gzipSync(raw, { level: 9 })),
    br: new Uint8Array(brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
  };
}

/** Serves the page from the per-process cache for anonymous visitors without a session; renders it otherwise. */
export async function cachedPublicPage(c: Context<AppEnv>, key: string, render: () => Promise<string> | string): Promise<Response> {
  const anonymous = c.get('principal')?.kind === 'anonymous' && !c.get('session')?.idHash;
  if (!anonymous) return c.html(await render());
  let entry = cache.get(key);
  if (!entry) {
    entry = entryFor(await render());
    cache.set(key, entry);
  }
  const headers: Record<string, string> = {
    'content-type': 'text/html; charset=UTF-8',
    etag: entry.etag,
    vary: 'accept-encoding, cookie',
    'cache-control': 'no-cache',
  };
  if (c.req.header('if-none-match') === entry.etag) return c.body(null, 304, headers);
  const accept = c.req.header('accept-encoding') ?? '';
  if (/\bbr\b/.test(accept)) return c.body(entry.br, 200, { ...headers, 'content-encoding': 'br' });
  if (/\bgzip\b/.test(accept)) return c.body(entry.gzip, 200, { ...headers, 'content-encoding': 'gzip' });
  return c.body(entry.raw, 200, headers);
}
