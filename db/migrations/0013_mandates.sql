CREATE TABLE "aidant_habilitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"granted_by_user_id" uuid,
	"granted_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mandates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"person_name" text NOT NULL,
	"person_birth_date" text NOT NULL,
	"identity_source" text NOT NULL,
	"document_type" text,
	"document_number" text,
	"scopes" text[] NOT NULL,
	"duration" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"text_version" text NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"integrity_hash" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_user_id" uuid,
	"revocation_reason" text,
	"reminder_sent_at" timestamp with time zone,
	"renews_mandate_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mandates_reference_unique" UNIQUE("reference"),
	CONSTRAINT "mandates_integrity_hash_unique" UNIQUE("integrity_hash")
);
--> statement-breakpoint
CREATE INDEX "aidant_habilitations_user_idx" ON "aidant_habilitations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "aidant_habilitations_owner_idx" ON "aidant_habilitations" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "mandates_owner_idx" ON "mandates" USING btree ("owner_id","ends_at");