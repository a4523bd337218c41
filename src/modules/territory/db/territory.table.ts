import { doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

export const departements = pgTable('departements', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  regionCode: text('region_code').notNull(),
});

export const epcis = pgTable('epcis', {
  siren: text('siren').primaryKey(),
  name: text('name').notNull(),
  nature: text('nature').notNull(),
  population: integer('population'),
});

export const communes = pgTable(
  'communes',
  {
    insee: text('insee').primaryKey(),
    name: text('name').notNull(),
    // lower-case, accents removed: what a search compares against (pg_trgm index in the migrations).
    searchName: text('search_name').notNull(),
    departementCode: text('departement_code').notNull(),
    regionCode: text('region_code').notNull(),
    epciSiren: text('epci_siren'),
    postcodes: text('postcodes').array().notNull(),
    population: integer('population'),
    // Official commune centre (`relais import communes-centres`), to measure distances from a commune.
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
  },
  (t) => [index('communes_departement_idx').on(t.departementCode), index('communes_epci_idx').on(t.epciSiren)],
);

export const socialCentres = pgTable(
  'social_centres',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: ['MDS', 'CDAS'] }).notNull(),
    name: text('name').notNull(),
    departementCode: text('departement_code').notNull(),
    communeInsee: text('commune_insee').notNull(),
    address: text('address').notNull(),
    phone: text('phone'),
    email: text('email'),
    openingHours: text('opening_hours'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('social_centres_name_uq').on(t.departementCode, t.name)],
);

// Sectorisation: each commune is served by at most one social centre.
export const socialCentreCommunes = pgTable(
  'social_centre_communes',
  {
    socialCentreId: uuid('social_centre_id')
      .notNull()
      .references(() => socialCentres.id, { onDelete: 'cascade' }),
    communeInsee: text('commune_insee').notNull(),
  },
  (t) => [primaryKey({ columns: [t.socialCentreId, t.communeInsee] }), uniqueIndex('social_centre_communes_commune_uq').on(t.communeInsee)],
);
