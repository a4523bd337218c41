import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Structures (associations, CCAS, France Services, partner administrations…). The directory issue extends it.
export const structures = pgTable('structures', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['association', 'ccas', 'france_services', 'mediatheque', 'tiers_lieu', 'administration', 'commune', 'autre'] }).notNull(),
  siret: text('siret'),
  communeInsee: text('commune_insee'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
