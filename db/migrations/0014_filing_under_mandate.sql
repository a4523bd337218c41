ALTER TABLE "cases" ADD COLUMN "mandate_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "filed_for_name" text;