// A staff user with one role and a signed-in browser (MFA passed), made directly in the database: for route
// tests that are not about signing in.
import { randomBytes, randomUUID } from 'node:crypto';
import { hashToken } from '../../src/platform/http/session.ts';
import { httpSessions, roleGrants, users } from '../../src/schema.ts';
import type { TestApp, TestClient } from './test-app.ts';

export type StaffRole = 'admin' | 'agent' | 'centre_manager' | 'structure_member' | 'partner_agent' | 'directory_moderator';

export interface StaffUser {
  userId: string;
  email: string;
}

export async function createStaffUser(t: TestApp, role: StaffRole, opts: { structureId?: string | null; socialCentreId?: string | null; name?: string } = {}): Promise<StaffUser> {
  const userId = randomUUID();
  const email = `${role}-${userId.slice(0, 8)}@exemple.fr`;
  const now = t.clock.now();
  await t.deps.db.insert(users).values({ id: userId, kind: 'staff', email, displayName: opts.name ?? `Test ${role}`, status: 'active', totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabledAt: now, createdAt: now });
  await t.deps.db.insert(roleGrants).values({ id: randomUUID(), userId, role, structureId: opts.structureId ?? null, socialCentreId: opts.socialCentreId ?? null, grantedAt: now });
  return { userId, email };
}

/** A new browser signed in as the user, valid for an hour from the clock's time. */
export async function signedInAs(t: TestApp, user: StaffUser): Promise<TestClient> {
  const now = t.clock.now();
  const token = randomBytes(32).toString('base64url');
  const later = new Date(now.getTime() + 3_600_000);
  await t.deps.db.insert(httpSessions).values({
    idHash: hashToken(token),
    userId: user.userId,
    csrfToken: randomBytes(32).toString('base64url'),
    data: { mfaPassed: true },
    createdAt: now,
    lastSeenAt: now,
    idleExpiresAt: later,
    absoluteExpiresAt: later,
  });
  const client = t.client();
  (client as unknown as { cookies: Map<string, string> }).cookies.set('relais_session', token);
  return client;
}
