CREATE TABLE "agent_notification_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"mode" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_kind" text NOT NULL,
	"kind" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"reason" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"visible_to_filer" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"field_path" text,
	"message_id" uuid,
	"invitation_id" uuid,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by_user_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_followers" (
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_followers_case_id_user_id_pk" PRIMARY KEY("case_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "case_label_links" (
	"case_id" uuid NOT NULL,
	"label_id" uuid NOT NULL,
	CONSTRAINT "case_label_links_case_id_label_id_pk" PRIMARY KEY("case_id","label_id")
);
--> statement-breakpoint
CREATE TABLE "case_labels" (
	"id" uuid PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"name" text NOT NULL,
	"colour" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"invitation_id" uuid,
	"author_kind" text NOT NULL,
	"author_user_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" bigint GENERATED ALWAYS AS IDENTITY (sequence name "cases_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"procedure_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"state" text NOT NULL,
	"raw_answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"answers" jsonb,
	"filer_user_id" uuid,
	"filed_by_user_id" uuid,
	"filer_name" text,
	"contact_email" text,
	"contact_phone" text,
	"tracking_code_hash" text,
	"resume_token_hash" text,
	"commune_code" text,
	"team_id" uuid,
	"assignee_id" uuid,
	"idempotency_key" uuid,
	"search" "tsvector",
	"decision_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"touched_at" timestamp with time zone NOT NULL,
	"filed_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"purge_warned_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "partner_invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"email" text NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation" text NOT NULL,
	"invited_by_user_id" uuid NOT NULL,
	"introduction" text NOT NULL,
	"question" text,
	"confidential" boolean DEFAULT false NOT NULL,
	"deadline" date NOT NULL,
	"status" text NOT NULL,
	"answer_text" text,
	"answer_yes_no" boolean,
	"answered_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedure_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"procedure_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"current_version_id" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_team_members" (
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_team_members_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "review_teams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"social_centre_id" uuid,
	"email" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_files" ADD CONSTRAINT "case_files_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_followers" ADD CONSTRAINT "case_followers_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_label_links" ADD CONSTRAINT "case_label_links_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_label_links" ADD CONSTRAINT "case_label_links_label_id_case_labels_id_fk" FOREIGN KEY ("label_id") REFERENCES "public"."case_labels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_labels" ADD CONSTRAINT "case_labels_team_id_review_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."review_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_messages" ADD CONSTRAINT "case_messages_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_version_id_procedure_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."procedure_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_team_id_review_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."review_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_invitations" ADD CONSTRAINT "partner_invitations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_versions" ADD CONSTRAINT "procedure_versions_procedure_id_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_team_members" ADD CONSTRAINT "review_team_members_team_id_review_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."review_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "case_files_case_idx" ON "case_files" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_files_storage_key_uq" ON "case_files" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "case_followers_user_idx" ON "case_followers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "case_label_links_label_idx" ON "case_label_links" USING btree ("label_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_labels_team_name_uq" ON "case_labels" USING btree ("team_id","name");--> statement-breakpoint
CREATE INDEX "case_messages_case_idx" ON "case_messages" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_notes_case_idx" ON "case_notes" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_number_uq" ON "cases" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_idempotency_uq" ON "cases" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_resume_token_uq" ON "cases" USING btree ("resume_token_hash");--> statement-breakpoint
CREATE INDEX "cases_team_state_idx" ON "cases" USING btree ("team_id","state","filed_at");--> statement-breakpoint
CREATE INDEX "cases_assignee_idx" ON "cases" USING btree ("assignee_id","state");--> statement-breakpoint
CREATE INDEX "cases_procedure_idx" ON "cases" USING btree ("procedure_id","state","filed_at");--> statement-breakpoint
CREATE INDEX "cases_filer_idx" ON "cases" USING btree ("filer_user_id");--> statement-breakpoint
CREATE INDEX "cases_draft_touched_idx" ON "cases" USING btree ("touched_at") WHERE state = 'draft';--> statement-breakpoint
CREATE INDEX "cases_search_idx" ON "cases" USING gin ("search");--> statement-breakpoint
CREATE INDEX "partner_invitations_case_idx" ON "partner_invitations" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "partner_invitations_user_idx" ON "partner_invitations" USING btree ("user_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_versions_uq" ON "procedure_versions" USING btree ("procedure_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_slug_uq" ON "procedures" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "review_team_members_user_idx" ON "review_team_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_teams_key_uq" ON "review_teams" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "review_teams_centre_uq" ON "review_teams" USING btree ("social_centre_id");--> statement-breakpoint
-- A published version of a procedure never changes: case files filed under it must read the same questions.
CREATE FUNCTION procedure_versions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.published_at IS NOT NULL AND (NEW.definition IS DISTINCT FROM OLD.definition OR NEW.published_at IS DISTINCT FROM OLD.published_at OR NEW.version IS DISTINCT FROM OLD.version) THEN
    RAISE EXCEPTION 'procedure version % is published and cannot change', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER procedure_versions_frozen BEFORE UPDATE ON procedure_versions FOR EACH ROW EXECUTE FUNCTION procedure_versions_frozen();
--> statement-breakpoint
CREATE FUNCTION procedure_versions_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'procedure version % is published and cannot be deleted', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER procedure_versions_no_delete BEFORE DELETE ON procedure_versions FOR EACH ROW EXECUTE FUNCTION procedure_versions_no_delete();
