CREATE TABLE "retention_schedule_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"years" integer NOT NULL,
	"count_from" text NOT NULL,
	"at_least_years_after_closure" integer,
	"without_birth_date_years_after_closure" integer,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "retention_schedule_entries" ADD CONSTRAINT "retention_schedule_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_schedule_entries" ADD CONSTRAINT "retention_schedule_entries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "retention_schedule_entries_type" ON "retention_schedule_entries" USING btree ("organisation_id","record_type");--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD COLUMN "extended_on" date;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD COLUMN "extension_reason" text;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD COLUMN "extended_by" uuid;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_extended_by_users_id_fk" FOREIGN KEY ("extended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_recordings" ADD COLUMN "disposed_at" timestamp with time zone;
