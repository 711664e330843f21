CREATE TABLE "retention_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone NOT NULL,
	"lifted_by" uuid,
	"lifted_at" timestamp with time zone,
	"lift_reason" text
);
--> statement-breakpoint
ALTER TABLE "retention_holds" ADD CONSTRAINT "retention_holds_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_holds" ADD CONSTRAINT "retention_holds_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_holds" ADD CONSTRAINT "retention_holds_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "retention_holds_live" ON "retention_holds" USING btree ("case_id") WHERE "retention_holds"."lifted_at" is null;
--> statement-breakpoint
CREATE TABLE "record_disposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"record_type" text NOT NULL,
	"schedule_entry" jsonb NOT NULL,
	"due_on" date NOT NULL,
	"record_ids" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"approved_by" uuid,
	"disposed_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"withdrawn_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "record_disposals" ADD CONSTRAINT "record_disposals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_disposals" ADD CONSTRAINT "record_disposals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_disposals" ADD CONSTRAINT "record_disposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_disposals" ADD CONSTRAINT "record_disposals_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_disposals" ADD CONSTRAINT "record_disposals_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_disposals" ADD CONSTRAINT "record_disposals_four_eyes" CHECK ("approved_by" IS NULL OR "approved_by" <> "proposed_by");--> statement-breakpoint
CREATE UNIQUE INDEX "record_disposals_live" ON "record_disposals" USING btree ("case_id") WHERE "record_disposals"."status" in ('proposed', 'disposed');--> statement-breakpoint
CREATE INDEX "record_disposals_org" ON "record_disposals" USING btree ("organisation_id");
--> statement-breakpoint
CREATE TABLE "subject_access_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"requester_name" text NOT NULL,
	"relationship" text NOT NULL,
	"requester_person_id" uuid,
	"received_on" date NOT NULL,
	"identity_checked" boolean DEFAULT false NOT NULL,
	"identity_checked_on" date,
	"identity_evidence" text,
	"responsible_user_id" uuid NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"released_on" date,
	"release_method" text,
	"released_by" uuid,
	"bundle_sha256" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_child_id_people_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_requester_person_id_people_id_fk" FOREIGN KEY ("requester_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_released_by_users_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subject_access_requests_responsible" ON "subject_access_requests" USING btree ("responsible_user_id");--> statement-breakpoint
CREATE INDEX "subject_access_requests_child" ON "subject_access_requests" USING btree ("child_id");
