// The accounts module's public face: its routes, the principal middleware, and the use cases the admin
// screens and the CLI call.
export { principalMiddleware } from './web/principal.ts';
export { accountsRoutes } from './web/accounts.routes.tsx';
export type { AccountsDeps, Actor, RequestMeta } from './deps.ts';
export { createInvitation, INVITATION_VALIDITY_MS, type CreateInvitationResult } from './use-cases/create-invitation.ts';
export { deactivateUser, reactivateUser, type DeactivateResult } from './use-cases/deactivate-user.ts';
export { grantRole, roleScopeProblem, type GrantRoleResult, type RoleGrantInput } from './use-cases/grant-role.ts';
export { revokeRole } from './use-cases/revoke-role.ts';
export { listStaffUsers, getStaffUser, type StaffUser, type StaffGrant } from './use-cases/list-staff-users.ts';
export { resetSecondFactor } from './use-cases/reset-second-factor.ts';
export { seedDemoAccounts, DEMO_PASSWORD, type DemoAccount } from './use-cases/seed-demo-accounts.ts';
export { checkPassword, passwordMessages, MIN_PASSWORD_LENGTH } from './domain/password-policy.ts';
export { normaliseEmail, isPlausibleEmail } from './domain/email.ts';
export { hashPassword } from '../../platform/security/password-hash.ts';
export { structureMemberEmails, userContact } from './db/users.queries.ts';
export { listStructureMembers, userNames, findUserByEmail, type StructureMember } from './use-cases/list-structure-members.ts';
