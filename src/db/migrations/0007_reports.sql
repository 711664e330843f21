CREATE TABLE "child_participation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"assessment" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"wish" text NOT NULL,
	"attendance" text NOT NULL,
	"with_parent" boolean DEFAULT false NOT NULL,
	"pre_meeting_with_chair" boolean DEFAULT false NOT NULL,
	"views_routes" text[] DEFAULT '{}'::text[] NOT NULL,
	"advocacy_offered_on" text,
	"advocacy_consent" text NOT NULL,
	"interpreter_language" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "exclusion_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"invitation_id" uuid NOT NULL,
	"grounds" text[] NOT NULL,
	"evidence" text NOT NULL,
	"scope" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"in_time" boolean NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decision_reasons" text,
	"period" text,
	"legal_advice_taken" boolean DEFAULT false NOT NULL,
	"supporter_name" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_participation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"invitation_id" uuid NOT NULL,
	"first_language" text,
	"interpreter_needed" boolean DEFAULT false NOT NULL,
	"interpreter_name" text,
	"interpreter_accredited" boolean DEFAULT false NOT NULL,
	"learning_disability" boolean DEFAULT false NOT NULL,
	"needs_translation" boolean DEFAULT false NOT NULL,
	"adjustments" text,
	"supporter_name" text,
	"preparation" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "report_disagreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"raised_by" text NOT NULL,
	"kind" text NOT NULL,
	"detail" text NOT NULL,
	"outcome" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"invitation_id" uuid,
	"recipient_name" text NOT NULL,
	"method" text NOT NULL,
	"language" text NOT NULL,
	"translated" boolean DEFAULT false NOT NULL,
	"report_version" integer NOT NULL,
	"shared_at" timestamp with time zone NOT NULL,
	"shared_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"child_id" uuid,
	"kind" text NOT NULL,
	"author_id" uuid NOT NULL,
	"invitation_id" uuid,
	"agency" text,
	"author_details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"sections" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"confidential_text" text,
	"confidential_reason" text,
	"confidential_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"confidential_chair_decision" text,
	"file_name" text,
	"file_type" text,
	"file_base64" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "child_participation" ADD CONSTRAINT "child_participation_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_participation" ADD CONSTRAINT "child_participation_child_id_people_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_participation" ADD CONSTRAINT "child_participation_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exclusion_requests" ADD CONSTRAINT "exclusion_requests_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exclusion_requests" ADD CONSTRAINT "exclusion_requests_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exclusion_requests" ADD CONSTRAINT "exclusion_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exclusion_requests" ADD CONSTRAINT "exclusion_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_participation" ADD CONSTRAINT "family_participation_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_participation" ADD CONSTRAINT "family_participation_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_participation" ADD CONSTRAINT "family_participation_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_disagreements" ADD CONSTRAINT "report_disagreements_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_disagreements" ADD CONSTRAINT "report_disagreements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_shares" ADD CONSTRAINT "report_shares_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_shares" ADD CONSTRAINT "report_shares_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_shares" ADD CONSTRAINT "report_shares_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_child_id_people_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "child_participation_conference" ON "child_participation" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "exclusion_requests_conference" ON "exclusion_requests" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "family_participation_conference" ON "family_participation" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "report_disagreements_report" ON "report_disagreements" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_shares_report" ON "report_shares" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "reports_conference" ON "reports" USING btree ("conference_id");--> statement-breakpoint
CREATE INDEX "reports_author" ON "reports" USING btree ("author_id");