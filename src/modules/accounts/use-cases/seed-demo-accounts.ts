import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/record.ts';
import { queryRows } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { hashPassword } from '../../../platform/security/password-hash.ts';
import type { AccountsDeps } from '../deps.ts';
import { insertRoleGrant, type RoleGrantInput } from './grant-role.ts';

/** Readable on purpose: printed at start so that anyone trying the demo can sign in. Never used outside the demo. */
export const DEMO_PASSWORD = 'demo-relais-2026';

export interface DemoAccount {
  role: string;
  email: string;
  password: string;
}

interface DemoUser {
  label: string;
  email: string;
  displayName: string;
  kind: 'resident' | 'staff';
  grant?: RoleGrantInput;
}

/**
 * The demo accounts. Staff are not TOTP-enrolled: they enrol at their first sign-in, as a real agent would.
 * Idempotent: an address that already exists is left as it is.
 */
export async function seedDemoAccounts(
  deps: Pick<AccountsDeps, 'db' | 'clock' | 'ids'>,
  input: { socialCentre: { id: string; name: string } | null; structure: { id: string; name: string }; partner: { id: string; name: string } },
): Promise<DemoAccount[]> {
  const demo: DemoUser[] = [
    { label: 'Administratrice du département', email: 'admin@demo.relais.test', displayName: 'Claire Administratrice', kind: 'staff', grant: { role: 'admin' } },
    {
      // « CDAS » is masculine, « MDS » (maison) feminine.
      label: input.socialCentre ? `Agent ${input.socialCentre.name.startsWith('MDS') ? 'de la' : 'du'} ${input.socialCentre.name}` : 'Agent du département',
      email: 'agent@demo.relais.test',
      displayName: 'Karim Agent',
      kind: 'staff',
      grant: { role: 'agent', socialCentreId: input.socialCentre?.id ?? null },
    },
    ...(input.socialCentre
      ? [
          {
            label: `Responsable ${input.socialCentre.name.startsWith('MDS') ? 'de la' : 'du'} ${input.socialCentre.name}`,
            email: 'responsable@demo.relais.test',
            displayName: 'Hélène Responsable',
            kind: 'staff' as const,
            grant: { role: 'centre_manager' as const, socialCentreId: input.socialCentre.id },
          },
        ]
      : []),
    {
      label: `Membre de la structure « ${input.structure.name} »`,
      email: 'structure@demo.relais.test',
      displayName: 'Sophie Médiatrice',
      kind: 'staff',
      grant: { role: 'structure_member', structureId: input.structure.id },
    },
    {
      label: `Agent partenaire (${input.partner.name})`,
      email: 'caf@demo.relais.test',
      displayName: 'Luc Partenaire',
      kind: 'staff',
      grant: { role: 'partner_agent', structureId: input.partner.id },
    },
    {
      label: 'Équipe annuaire du département',
      email: 'annuaire@demo.relais.test',
      displayName: 'Nadia Annuaire',
      kind: 'staff',
      grant: { role: 'directory_moderator' },
    },
    { label: 'Usager', email: 'usager@demo.relais.test', displayName: 'Marie Usagère', kind: 'resident' },
  ];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = deps.clock.now();
  const system = { id: null, label: 'système' };
  await inTransaction(deps.db, async (tx) => {
    for (const u of demo) {
      const id = deps.ids.uuid();
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`insert into users (id, kind, email, display_name, password_hash, status, created_at)
            values (${id}, ${u.kind}, ${u.email}, ${u.displayName}, ${passwordHash}, 'active', ${now.toISOString()})
            on conflict do nothing returning id`,
      );
      if (rows.length === 0) continue;
      await recordAudit(tx, {
        at: now,
        actorId: null,
        actorLabel: system.label,
        action: 'account.created',
        subjectType: 'user',
        subjectId: id,
        details: { kind: u.kind, method: 'demo seed' },
      });
      if (u.grant) await insertRoleGrant(tx, deps, { userId: id, userEmail: u.email, grant: u.grant, by: system, meta: { ip: null, requestId: null } });
    }
  });
  return demo.map((u) => ({ role: u.label, email: u.email, password: DEMO_PASSWORD }));
}
