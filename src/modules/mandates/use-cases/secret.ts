// The server secret that signs mandates: RELAIS_SECRET when the operator sets it, else one made at first use and
// kept in app_meta (so that an embedded demo needs nothing). Attestations signed with one secret only verify
// with the same: operations.md says to set it, and to keep it with the backups.
import { createHmac, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/client.ts';
import { appMeta } from '../../../platform/db/meta.table.ts';

const KEY = 'mandate-secret';

export async function mandateSecret(q: Queryable, configured: string | null, now: Date): Promise<string> {
  if (configured) return configured;
  const [row] = await q.select().from(appMeta).where(eq(appMeta.key, KEY));
  if (row) return (row.value as { secret: string }).secret;
  await q.insert(appMeta).values({ key: KEY, value: { secret: randomBytes(48).toString('base64url') }, updatedAt: now }).onConflictDoNothing();
  const [made] = await q.select().from(appMeta).where(eq(appMeta.key, KEY));
  return (made!.value as { secret: string }).secret;
}

/** 24 characters of base32 (120 bits): short enough to type from paper, long enough never to be guessed. */
export function integrityHash(secret: string, content: string): string {
  const mac = createHmac('sha256', secret).update(content).digest();
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of mac) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 24) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.match(/.{4}/g)!.join('-');
}
