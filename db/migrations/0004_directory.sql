CREATE TABLE "error_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"place_id" uuid NOT NULL,
	"message" text NOT NULL,
	"reporter_email" text,
	"status" text DEFAULT 'open' NOT NULL,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listing_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"field" text NOT NULL,
	"old_value" jsonb,
	"new_value" jsonb,
	"actor_user_id" uuid,
	"actor_kind" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"moderation" text NOT NULL,
	"moderated_by" uuid,
	"moderated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "orientation_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"orientation_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orientations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid,
	"receiver_structure_id" uuid NOT NULL,
	"sender_user_id" uuid NOT NULL,
	"sender_structure_id" uuid,
	"sender_social_centre_id" uuid,
	"person_first_name" text,
	"person_last_name" text,
	"person_phone" text,
	"person_email" text,
	"contact_preference" text NOT NULL,
	"situation" text,
	"consent_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"answer_reason" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"anonymised_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "places" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid,
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"pivot" text,
	"name" text NOT NULL,
	"typologies" text[] DEFAULT '{}'::text[] NOT NULL,
	"street" text NOT NULL,
	"complement" text,
	"postcode" text NOT NULL,
	"commune_name" text NOT NULL,
	"commune_insee" text,
	"latitude" double precision,
	"longitude" double precision,
	"phone" text,
	"emails" text[] DEFAULT '{}'::text[] NOT NULL,
	"websites" text[] DEFAULT '{}'::text[] NOT NULL,
	"opening_hours" text,
	"open_week" "int4multirange",
	"closed_on_public_holidays" boolean DEFAULT false NOT NULL,
	"summary" text,
	"detail" text,
	"itinerance" text[] DEFAULT '{}'::text[] NOT NULL,
	"parent_structure_name" text,
	"services" text[] DEFAULT '{}'::text[] NOT NULL,
	"publics" text[] DEFAULT '{}'::text[] NOT NULL,
	"specific_support" text[] DEFAULT '{}'::text[] NOT NULL,
	"fees" text[] DEFAULT '{}'::text[] NOT NULL,
	"national_programs" text[] DEFAULT '{}'::text[] NOT NULL,
	"labels" text[] DEFAULT '{}'::text[] NOT NULL,
	"other_labels" text,
	"access_modes" text[] DEFAULT '{}'::text[] NOT NULL,
	"support_modes" text[] DEFAULT '{}'::text[] NOT NULL,
	"accessibility_url" text,
	"appointment_url" text,
	"accepts_pass_numerique" boolean DEFAULT false NOT NULL,
	"social_centre_id" uuid,
	"updated_on" date NOT NULL,
	"update_frequency_days" integer DEFAULT 180 NOT NULL,
	"last_editor_kind" text NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"place_id" uuid,
	"source" text,
	"source_id" text,
	"name" text NOT NULL,
	"summary" text,
	"description" text,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"publics" text[] DEFAULT '{}'::text[] NOT NULL,
	"publics_detail" text,
	"fees" text,
	"fees_detail" text,
	"reception_modes" text[] DEFAULT '{}'::text[] NOT NULL,
	"mobilisation_modes" text[] DEFAULT '{}'::text[] NOT NULL,
	"mobilisable_by" text[] DEFAULT '{}'::text[] NOT NULL,
	"mobilisation_detail" text,
	"mobilisation_url" text,
	"zone_kind" text DEFAULT 'departement' NOT NULL,
	"zone_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"access_conditions" text,
	"phone" text,
	"email" text,
	"networks" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_on" date NOT NULL,
	"update_frequency_days" integer DEFAULT 180 NOT NULL,
	"last_editor_kind" text NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "structure_claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"siret" text NOT NULL,
	"message" text,
	"status" text NOT NULL,
	"auto_approved" boolean DEFAULT false NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "communes" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "communes" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "rna" text;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "street" text;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "postcode" text;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "networks" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "source_id" text;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "updated_on" date;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "update_frequency_days" integer DEFAULT 365 NOT NULL;--> statement-breakpoint
ALTER TABLE "structures" ADD COLUMN "last_editor_kind" text;--> statement-breakpoint
ALTER TABLE "error_reports" ADD CONSTRAINT "error_reports_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientation_attachments" ADD CONSTRAINT "orientation_attachments_orientation_id_orientations_id_fk" FOREIGN KEY ("orientation_id") REFERENCES "public"."orientations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientations" ADD CONSTRAINT "orientations_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "structure_claims" ADD CONSTRAINT "structure_claims_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "public"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "error_reports_status_idx" ON "error_reports" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "listing_changes_entity_idx" ON "listing_changes" USING btree ("entity_type","entity_id","changed_at");--> statement-breakpoint
CREATE INDEX "listing_changes_pending_idx" ON "listing_changes" USING btree ("moderation","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "orientations_token_uq" ON "orientations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "orientations_receiver_idx" ON "orientations" USING btree ("receiver_structure_id","status");--> statement-breakpoint
CREATE INDEX "orientations_sender_idx" ON "orientations" USING btree ("sender_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "places_source_uq" ON "places" USING btree ("source","source_id");--> statement-breakpoint
CREATE INDEX "places_lat_lon_idx" ON "places" USING btree ("latitude","longitude");--> statement-breakpoint
CREATE INDEX "places_services_idx" ON "places" USING gin ("services");--> statement-breakpoint
CREATE INDEX "places_national_programs_idx" ON "places" USING gin ("national_programs");--> statement-breakpoint
CREATE INDEX "places_commune_idx" ON "places" USING btree ("commune_insee");--> statement-breakpoint
CREATE INDEX "places_structure_idx" ON "places" USING btree ("structure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "services_source_uq" ON "services" USING btree ("source","source_id");--> statement-breakpoint
CREATE INDEX "services_structure_idx" ON "services" USING btree ("structure_id");--> statement-breakpoint
CREATE INDEX "services_place_idx" ON "services" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "services_themes_idx" ON "services" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "structure_claims_status_idx" ON "structure_claims" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "structure_claims_user_idx" ON "structure_claims" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "structures_source_uq" ON "structures" USING btree ("source","source_id");--> statement-breakpoint
CREATE INDEX "structures_siret_idx" ON "structures" USING btree ("siret");--> statement-breakpoint
CREATE INDEX "structures_commune_idx" ON "structures" USING btree ("commune_insee");--> statement-breakpoint
CREATE INDEX "structures_name_trgm_idx" ON "structures" USING gin (lower("name") gin_trgm_ops);