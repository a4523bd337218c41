CREATE TABLE "accompaniments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"helper_user_id" uuid NOT NULL,
	"happened_on" date NOT NULL,
	"duration_minutes" integer NOT NULL,
	"place" text NOT NULL,
	"level" text NOT NULL,
	"themes" text[] NOT NULL,
	"equipment" text[] NOT NULL,
	"outcome" text NOT NULL,
	"referred_to" text,
	"referred_service_id" uuid,
	"commune_insee" text,
	"beneficiary_id" uuid,
	"mandate_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "beneficiaries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"code" text NOT NULL,
	"first_name" text,
	"birth_year" smallint,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collective_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"helper_user_id" uuid NOT NULL,
	"happened_on" date NOT NULL,
	"title" text NOT NULL,
	"theme" text NOT NULL,
	"level" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"attendees" integer NOT NULL,
	"first_time" integer NOT NULL,
	"under_18" integer DEFAULT 0 NOT NULL,
	"from_18_to_25" integer DEFAULT 0 NOT NULL,
	"from_26_to_59" integer DEFAULT 0 NOT NULL,
	"over_60" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accompaniments" ADD CONSTRAINT "accompaniments_beneficiary_id_beneficiaries_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."beneficiaries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accompaniments_owner_day_idx" ON "accompaniments" USING btree ("owner_id","happened_on");--> statement-breakpoint
CREATE INDEX "accompaniments_beneficiary_idx" ON "accompaniments" USING btree ("beneficiary_id");--> statement-breakpoint
CREATE UNIQUE INDEX "beneficiaries_owner_code_idx" ON "beneficiaries" USING btree ("owner_id","code");--> statement-breakpoint
CREATE INDEX "collective_actions_owner_day_idx" ON "collective_actions" USING btree ("owner_id","happened_on");