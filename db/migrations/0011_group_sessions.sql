CREATE TABLE "group_session_seats" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"person_name" text NOT NULL,
	"person_email" text,
	"person_phone" text,
	"status" text DEFAULT 'booked' NOT NULL,
	"cancel_token_hash" text,
	"booked_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "group_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"social_centre_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"seats" integer NOT NULL,
	"online" boolean DEFAULT true NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "group_session_seats" ADD CONSTRAINT "group_session_seats_session_id_group_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."group_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_session_seats_session_idx" ON "group_session_seats" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "group_session_seats_token_idx" ON "group_session_seats" USING btree ("cancel_token_hash");--> statement-breakpoint
CREATE INDEX "group_sessions_centre_start_idx" ON "group_sessions" USING btree ("social_centre_id","start_at");--> statement-breakpoint
CREATE INDEX "group_sessions_agent_start_idx" ON "group_sessions" USING btree ("agent_id","start_at");--> statement-breakpoint
-- An agent runs one collective session at a time.
ALTER TABLE "group_sessions" ADD CONSTRAINT "group_sessions_no_overlap" EXCLUDE USING gist ("agent_id" WITH =, tstzrange("start_at", "end_at") WITH &&) WHERE ("cancelled_at" IS NULL);
