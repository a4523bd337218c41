// Every table of the application, for drizzle-kit and for the typed database handle.
export * from './platform/audit/audit.table.ts';
export * from './platform/jobs/jobs.table.ts';
export * from './platform/mail/mail.table.ts';
export * from './platform/sms/sms.table.ts';
export * from './platform/http/http.table.ts';
export * from './platform/db/meta.table.ts';
export * from './modules/territory/db/territory.table.ts';
export * from './modules/accounts/db/accounts.table.ts';
export * from './modules/directory/db/directory.table.ts';
export * from './modules/directory/db/import-upload.table.ts';
export * from './modules/procedures/db/procedures.table.ts';
export * from './modules/appointments/db/appointments.table.ts';
export * from './modules/accompaniment/db/accompaniment.table.ts';
export * from './modules/mandates/db/mandates.table.ts';
