CREATE TABLE "agency_conference_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"organisation_id" uuid,
	"professional_name" text NOT NULL,
	"professional_role" text NOT NULL,
	"reasons" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"decision" text,
	"decision_reasons" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"conference_id" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text DEFAULT 'initial' NOT NULL,
	"started_on" date NOT NULL,
	"completed_on" date,
	"discussed_with_child_and_family" boolean DEFAULT false NOT NULL,
	"factors" text[] DEFAULT '{}'::text[] NOT NULL,
	"summary" text,
	"authorised_by" uuid,
	"authorised_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"source_code" text NOT NULL,
	"referrer_name" text,
	"referrer_role" text,
	"referrer_organisation" text,
	"referrer_is_professional" boolean DEFAULT false NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"nature_of_concerns" text NOT NULL,
	"how_concerns_arose" text NOT NULL,
	"needs" text,
	"referrer_involvement" text,
	"decision" text,
	"decision_reasons" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"confirmed_in_writing_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "section_47_enquiries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"strategy_discussion_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"child_seen" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"core_assessment_completed_on" date,
	"outcome" text,
	"outcome_reasons" text,
	"outcome_recorded_at" timestamp with time zone,
	"endorsed_by" uuid,
	"endorsed_at" timestamp with time zone,
	"icpc_not_required" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_discussion_children" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strategy_discussion_id" uuid NOT NULL,
	"case_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_discussions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid,
	"held_at" timestamp with time zone NOT NULL,
	"participants" jsonb NOT NULL,
	"information_shared" text NOT NULL,
	"decisions" text NOT NULL,
	"basis_for_decisions" text NOT NULL,
	"initiate_section_47" boolean NOT NULL,
	"immediate_safety_actions" text,
	"shared_with_family" text,
	"legal_action" text,
	"physical_abuse_or_serious_neglect" boolean DEFAULT false NOT NULL,
	"concern_raised_at" timestamp with time zone,
	"record_circulated_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chair_leave" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chair_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "chair_working_patterns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"chair_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	"max_conferences" integer DEFAULT 3 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "child_protection_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"start_conference_id" uuid,
	"start_date" date NOT NULL,
	"initial_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"latest_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"lead_social_worker_id" uuid,
	"visit_frequency_weeks" integer,
	"previous_plans" integer DEFAULT 0 NOT NULL,
	"end_date" date,
	"end_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_children" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"role" text NOT NULL,
	"child_type" text,
	"likely_harm" text,
	"harm_from" text
);
--> statement-breakpoint
CREATE TABLE "conference_status_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"event" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" uuid,
	"reason" text,
	"consulted" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "conferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"pack" text NOT NULL,
	"decision_to_convene_on" date,
	"requested_by" uuid,
	"requested_at" timestamp with time zone,
	"authorised_by" uuid,
	"authorised_at" timestamp with time zone,
	"due_date" date,
	"due_rule_id" text,
	"due_from_fact" text,
	"due_from_date" date,
	"chair_id" uuid,
	"minute_taker_id" uuid,
	"room_id" uuid,
	"format" text,
	"venue" text,
	"scheduled_start" timestamp with time zone,
	"slot_minutes" integer DEFAULT 90 NOT NULL,
	"family_risk_assessment" text,
	"epo_expires_on" date,
	"transfer_notice_received_on" date,
	"reconvened_from_id" uuid,
	"iro_id" uuid,
	"lac_chair_arrangement" text,
	"held_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "out_of_timescale_authorisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"proposed_date" date NOT NULL,
	"reasons" text NOT NULL,
	"risk_monitoring" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decision" text,
	"decision_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "professionals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"secure_email" text,
	"phone" text,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"building" text NOT NULL,
	"capacity" integer NOT NULL,
	"step_free_access" boolean DEFAULT true NOT NULL,
	"hearing_loop" boolean DEFAULT false NOT NULL,
	"video_equipped" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "looked_after" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "iro_id" uuid;--> statement-breakpoint
ALTER TABLE "agency_conference_requests" ADD CONSTRAINT "agency_conference_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_conference_requests" ADD CONSTRAINT "agency_conference_requests_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_conference_requests" ADD CONSTRAINT "agency_conference_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_authorised_by_users_id_fk" FOREIGN KEY ("authorised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_47_enquiries" ADD CONSTRAINT "section_47_enquiries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_47_enquiries" ADD CONSTRAINT "section_47_enquiries_strategy_discussion_id_strategy_discussions_id_fk" FOREIGN KEY ("strategy_discussion_id") REFERENCES "public"."strategy_discussions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_47_enquiries" ADD CONSTRAINT "section_47_enquiries_endorsed_by_users_id_fk" FOREIGN KEY ("endorsed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_47_enquiries" ADD CONSTRAINT "section_47_enquiries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_discussion_children" ADD CONSTRAINT "strategy_discussion_children_strategy_discussion_id_strategy_discussions_id_fk" FOREIGN KEY ("strategy_discussion_id") REFERENCES "public"."strategy_discussions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_discussion_children" ADD CONSTRAINT "strategy_discussion_children_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_discussions" ADD CONSTRAINT "strategy_discussions_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_discussions" ADD CONSTRAINT "strategy_discussions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chair_leave" ADD CONSTRAINT "chair_leave_chair_id_users_id_fk" FOREIGN KEY ("chair_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chair_working_patterns" ADD CONSTRAINT "chair_working_patterns_chair_id_users_id_fk" FOREIGN KEY ("chair_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_protection_plans" ADD CONSTRAINT "child_protection_plans_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_protection_plans" ADD CONSTRAINT "child_protection_plans_child_id_people_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_protection_plans" ADD CONSTRAINT "child_protection_plans_start_conference_id_conferences_id_fk" FOREIGN KEY ("start_conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_protection_plans" ADD CONSTRAINT "child_protection_plans_lead_social_worker_id_users_id_fk" FOREIGN KEY ("lead_social_worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_children" ADD CONSTRAINT "conference_children_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_children" ADD CONSTRAINT "conference_children_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_children" ADD CONSTRAINT "conference_children_child_id_people_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_status_history" ADD CONSTRAINT "conference_status_history_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_status_history" ADD CONSTRAINT "conference_status_history_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_authorised_by_users_id_fk" FOREIGN KEY ("authorised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_chair_id_users_id_fk" FOREIGN KEY ("chair_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_minute_taker_id_users_id_fk" FOREIGN KEY ("minute_taker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_iro_id_users_id_fk" FOREIGN KEY ("iro_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "out_of_timescale_authorisations" ADD CONSTRAINT "out_of_timescale_authorisations_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "out_of_timescale_authorisations" ADD CONSTRAINT "out_of_timescale_authorisations_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "out_of_timescale_authorisations" ADD CONSTRAINT "out_of_timescale_authorisations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professionals" ADD CONSTRAINT "professionals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "professionals" ADD CONSTRAINT "professionals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referrals_case" ON "referrals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "s47_case" ON "section_47_enquiries" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "plans_child" ON "child_protection_plans" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "conference_children_conference" ON "conference_children" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "conference_children_child" ON "conference_children" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "conferences_status" ON "conferences" USING btree ("status");--> statement-breakpoint
CREATE INDEX "conferences_chair_start" ON "conferences" USING btree ("chair_id","scheduled_start");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_iro_id_users_id_fk" FOREIGN KEY ("iro_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;