-- btree_gist lets one exclusion constraint compare the agent (=) and the time range (&&) together.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE TABLE "agent_absences" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agent_id" uuid NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "appointment_reasons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"social_centre_id" uuid NOT NULL,
	"name" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"location" text NOT NULL,
	"bookable_by" text NOT NULL,
	"min_delay_minutes" integer DEFAULT 120 NOT NULL,
	"max_delay_days" integer DEFAULT 60 NOT NULL,
	"instructions" text,
	"visibility" text DEFAULT 'normal' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reason_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"social_centre_id" uuid NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"cancelled_by" text,
	"person_name" text,
	"person_email" text,
	"person_phone" text,
	"resident_user_id" uuid,
	"booked_by_user_id" uuid,
	"cancel_token_hash" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opening_slots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agent_id" uuid NOT NULL,
	"social_centre_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_minute" integer NOT NULL,
	"end_minute" integer NOT NULL,
	"from_date" date NOT NULL,
	"until_date" date,
	"every_weeks" smallint DEFAULT 1 NOT NULL,
	"reason_ids" uuid[] NOT NULL,
	"open_on_holidays" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_reason_id_appointment_reasons_id_fk" FOREIGN KEY ("reason_id") REFERENCES "public"."appointment_reasons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agent_absences_agent_idx" ON "agent_absences" USING btree ("agent_id","start_at");--> statement-breakpoint
CREATE INDEX "appointments_agent_start_idx" ON "appointments" USING btree ("agent_id","start_at");--> statement-breakpoint
CREATE INDEX "appointments_centre_start_idx" ON "appointments" USING btree ("social_centre_id","start_at");--> statement-breakpoint
CREATE INDEX "appointments_cancel_token_idx" ON "appointments" USING btree ("cancel_token_hash") WHERE cancel_token_hash is not null;--> statement-breakpoint
CREATE INDEX "opening_slots_centre_idx" ON "opening_slots" USING btree ("social_centre_id");--> statement-breakpoint
CREATE INDEX "opening_slots_agent_idx" ON "opening_slots" USING btree ("agent_id");--> statement-breakpoint
-- Never a double booking: one agent cannot hold two live appointments at overlapping times. A cancelled
-- appointment frees its time.
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap" EXCLUDE USING gist ("agent_id" WITH =, tstzrange("start_at", "end_at") WITH &&) WHERE ("status" <> 'cancelled');
