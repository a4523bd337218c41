CREATE TABLE "directory_import_uploads" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"source" text NOT NULL,
	"size" integer NOT NULL,
	"content" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"result" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"imported_at" timestamp with time zone
);
