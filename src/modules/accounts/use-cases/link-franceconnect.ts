import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { users } from '../db/accounts.table.ts';
import type { AccountsDeps, RequestMeta } from '../deps.ts';

export type LinkFranceConnectResult = { ok: true } | { ok: false; reason: 'already_linked' | 'identity_taken' | 'unknown' };

/**
 * A resident signed in with their password links their FranceConnect identity, from « Mon compte »: here the
 * person proves both at once, which is why this is the only way an existing account gets a FranceConnect `sub`.
 */
export async function linkFranceConnect(
  deps: AccountsDeps,
  input: { userId: string; sub: string; meta: RequestMeta },
): Promise<LinkFranceConnectResult> {
  const now = deps.clock.now();
  const [other] = await deps.db.select({ id: users.id }).from(users).where(eq(users.franceConnectSub, input.sub));
  if (other) return { ok: false, reason: other.id === input.userId ? 'already_linked' : 'identity_taken' };
  try {
    return await inTransaction(deps.db, async (tx) => {
      const rows = await tx
        .update(users)
        .set({ franceConnectSub: input.sub })
        .where(and(eq(users.id, input.userId), eq(users.kind, 'resident'), eq(users.status, 'active'), isNull(users.franceConnectSub)))
        .returning({ email: users.email });
      if (rows.length === 0) return { ok: false, reason: 'unknown' } as const;
      await recordAudit(tx, {
        at: now,
        actorId: input.userId,
        actorLabel: rows[0]!.email,
        action: 'account.franceconnect_linked',
        subjectType: 'user',
        subjectId: input.userId,
        ip: input.meta.ip,
        requestId: input.meta.requestId,
      });
      return { ok: true } as const;
    });
  } catch (error) {
    // The unique index on franceconnect_sub: linked to another account at the same moment.
    const [again] = await deps.db.select({ id: users.id }).from(users).where(sql`${users.franceConnectSub} = ${input.sub}`);
    if (again) return { ok: false, reason: 'identity_taken' };
    throw error;
  }
}
