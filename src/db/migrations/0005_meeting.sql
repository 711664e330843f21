CREATE TABLE "conference_record_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"sections" jsonb NOT NULL,
	"saved_by" uuid,
	"saved_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"form" text NOT NULL,
	"form_reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"current_version" integer DEFAULT 0 NOT NULL,
	"approved_version" integer,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"invitation_id" uuid,
	"user_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"agency" text,
	"organisation_name" text,
	"role" text NOT NULL,
	"status" text DEFAULT 'expected' NOT NULL,
	"on_behalf_of" text,
	"parts_attended" text[] DEFAULT '{}'::text[] NOT NULL,
	"excluded_parts" text[] DEFAULT '{}'::text[] NOT NULL,
	"left_at" timestamp with time zone,
	"left_during_part" text,
	"left_reason" text,
	"supports_attendance_id" uuid,
	"direct_contact_child_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"written_report_submitted" boolean DEFAULT false NOT NULL,
	"written_report_presented" boolean DEFAULT false NOT NULL,
	"record_scope" text DEFAULT 'attended-part' NOT NULL,
	"record_scope_grounds" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "meeting_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"conference_child_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"suffered_harm" boolean,
	"suffered_harm_reasons" text DEFAULT '' NOT NULL,
	"likely_harm" boolean,
	"likely_harm_reasons" text DEFAULT '' NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"category_change_grounds" text,
	"chair_view" text,
	"basis" text,
	"overrule" boolean DEFAULT false NOT NULL,
	"overrule_reasons" text,
	"senior_managers_informed" text,
	"senior_managers_informed_on" date,
	"further_conference_by" date,
	"quorate" boolean NOT NULL,
	"inquorate_reasons" text,
	"early_review" boolean DEFAULT false NOT NULL,
	"dissents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"variation_reason" text,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"child_in_need_recommendation" text,
	"legal_action_recommendation" text,
	"interim_safety_plan" text,
	"parents_view" text,
	"complaints_route_explained" boolean DEFAULT false NOT NULL,
	"lead_social_worker_id" uuid,
	"contact_team_manager_id" uuid,
	"core_group_members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"first_core_group_on" date,
	"review_on" date,
	"review_triggers" text,
	"childrens_centre" text,
	"childrens_centre_reason" text,
	"written_views_sought_by" date,
	"written_responses_by" date,
	"discontinuation_pending" boolean DEFAULT false NOT NULL,
	"plan_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "meeting_distributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"document" text NOT NULL,
	"document_version" integer NOT NULL,
	"invitation_id" uuid,
	"recipient_name" text NOT NULL,
	"recipient_role" text NOT NULL,
	"family_copy" boolean DEFAULT false NOT NULL,
	"method" text NOT NULL,
	"address" text,
	"outbox_message_id" uuid,
	"redacted_parts" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"distributed_by" uuid,
	"distributed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"event" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" uuid,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "meeting_outline_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"risk_statement" text DEFAULT '' NOT NULL,
	"aim" text DEFAULT '' NOT NULL,
	"outcomes" text DEFAULT '' NOT NULL,
	"short_term_objectives" text DEFAULT '' NOT NULL,
	"long_term_objectives" text DEFAULT '' NOT NULL,
	"actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"non_negotiables" text DEFAULT '' NOT NULL,
	"immediate_actions" text DEFAULT '' NOT NULL,
	"visit_frequency_weeks" integer,
	"contingency" text DEFAULT '' NOT NULL,
	"end_conditions" text DEFAULT '' NOT NULL,
	"explained_to_child" text DEFAULT '' NOT NULL,
	"family_language" text DEFAULT '' NOT NULL,
	"family_copy_arrangements" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "meeting_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"attendance_id" uuid NOT NULL,
	"name" text NOT NULL,
	"agency" text NOT NULL,
	"plan_needed" boolean NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"reasons" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"status" text NOT NULL,
	"conference_date" date NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by" uuid,
	"concluded_at" timestamp with time zone,
	"concluded_by" uuid,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"record_facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"decisions_sheet_version" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "conference_record_versions" ADD CONSTRAINT "conference_record_versions_record_id_conference_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."conference_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_record_versions" ADD CONSTRAINT "conference_record_versions_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_records" ADD CONSTRAINT "conference_records_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_records" ADD CONSTRAINT "conference_records_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_records" ADD CONSTRAINT "conference_records_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_child_id_people_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_conference_child_id_conference_children_id_fk" FOREIGN KEY ("conference_child_id") REFERENCES "public"."conference_children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_lead_social_worker_id_users_id_fk" FOREIGN KEY ("lead_social_worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_contact_team_manager_id_users_id_fk" FOREIGN KEY ("contact_team_manager_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_plan_id_child_protection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."child_protection_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_distributions" ADD CONSTRAINT "meeting_distributions_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_distributions" ADD CONSTRAINT "meeting_distributions_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_distributions" ADD CONSTRAINT "meeting_distributions_distributed_by_users_id_fk" FOREIGN KEY ("distributed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_events" ADD CONSTRAINT "meeting_events_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_events" ADD CONSTRAINT "meeting_events_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outline_plans" ADD CONSTRAINT "meeting_outline_plans_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outline_plans" ADD CONSTRAINT "meeting_outline_plans_child_id_people_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_outline_plans" ADD CONSTRAINT "meeting_outline_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_views" ADD CONSTRAINT "meeting_views_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_views" ADD CONSTRAINT "meeting_views_child_id_people_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_views" ADD CONSTRAINT "meeting_views_attendance_id_meeting_attendance_id_fk" FOREIGN KEY ("attendance_id") REFERENCES "public"."meeting_attendance"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_views" ADD CONSTRAINT "meeting_views_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_concluded_by_users_id_fk" FOREIGN KEY ("concluded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "conference_record_versions_number" ON "conference_record_versions" USING btree ("record_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "conference_records_conference" ON "conference_records" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "meeting_attendance_conference" ON "meeting_attendance" USING btree ("conference_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_decisions_conference_child" ON "meeting_decisions" USING btree ("conference_id","child_id");--> statement-breakpoint
CREATE INDEX "meeting_distributions_conference" ON "meeting_distributions" USING btree ("conference_id","document");--> statement-breakpoint
CREATE INDEX "meeting_events_conference" ON "meeting_events" USING btree ("conference_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_outline_plans_conference_child" ON "meeting_outline_plans" USING btree ("conference_id","child_id");--> statement-breakpoint
CREATE INDEX "meeting_views_conference_child" ON "meeting_views" USING btree ("conference_id","child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_conference" ON "meetings" USING btree ("conference_id");