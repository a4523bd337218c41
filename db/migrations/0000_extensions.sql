-- Extensions must exist before the tables that use them. PGlite loads them at creation (see platform/db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
