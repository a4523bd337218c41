// The département team's administration area: users and roles, the audit journal. (Social centres and the
// development mails have their pages in the territory module and the platform.)
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { queryRows } from '../../platform/db/client.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { allow } from '../../platform/http/guard.ts';
import { pageContext } from '../../platform/http/render.tsx';
import { listStaffUsers } from '../accounts/index.ts';
import { listSocialCentres } from '../territory/index.ts';
import { DashboardPage } from './dashboard.page.tsx';
import { journalRoutes } from './journal.routes.tsx';
import { usersRoutes } from './users.routes.tsx';

export const adminRoutes = new Hono<AppEnv>();

adminRoutes.get('/admin', allow.staff('admin', 'directory_moderator'), async (c) => {
  // The directory team's part of the area is the directory: that is their home page here.
  const principal = c.get('principal');
  if (principal.kind === 'staff' && !principal.roles.some((r) => r.role === 'admin')) return c.redirect('/admin/annuaire', 303);
  const { db, config } = c.get('deps');
  const [users, centres, mails] = await Promise.all([
    listStaffUsers(db),
    listSocialCentres(db, config.departement),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from mail_outbox where status = 'pending'`),
  ]);
  const counts = { staff: users.length, invited: users.filter((u) => u.status === 'invited').length, centres: centres.length, pendingMails: mails[0]?.n ?? 0 };
  return c.html(<DashboardPage ctx={await pageContext(c)} counts={counts} />);
});
adminRoutes.route('/', usersRoutes);
adminRoutes.route('/', journalRoutes);
