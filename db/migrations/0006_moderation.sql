CREATE TABLE "recurring_runs" (
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recurring_runs_kind_period_pk" PRIMARY KEY("kind","period")
);
--> statement-breakpoint
ALTER TABLE "error_reports" ADD COLUMN "handling_note" text;