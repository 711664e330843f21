ALTER TABLE "section_47_enquiries" ADD COLUMN "child_understands" boolean;--> statement-breakpoint
ALTER TABLE "section_47_enquiries" ADD COLUMN "child_understanding_reasons" text;--> statement-breakpoint
ALTER TABLE "section_47_enquiries" ADD COLUMN "child_understanding_by" uuid;--> statement-breakpoint
ALTER TABLE "section_47_enquiries" ADD COLUMN "child_understanding_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "section_47_enquiries" ADD CONSTRAINT "section_47_enquiries_child_understanding_by_users_id_fk" FOREIGN KEY ("child_understanding_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "section_47_outcome_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enquiry_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"recipient" text NOT NULL,
	"method" text NOT NULL,
	"method_detail" text DEFAULT '' NOT NULL,
	"format" text NOT NULL,
	"language" text NOT NULL,
	"interpreter" boolean DEFAULT false NOT NULL,
	"shared_on" date NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "section_47_outcome_shares" ADD CONSTRAINT "section_47_outcome_shares_enquiry_id_section_47_enquiries_id_fk" FOREIGN KEY ("enquiry_id") REFERENCES "public"."section_47_enquiries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_47_outcome_shares" ADD CONSTRAINT "section_47_outcome_shares_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "section_47_outcome_shares" ADD CONSTRAINT "section_47_outcome_shares_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "section_47_outcome_shares_once" ON "section_47_outcome_shares" USING btree ("enquiry_id","person_id");
--> statement-breakpoint
CREATE TABLE "conference_information_sharing" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"with_police" text DEFAULT '' NOT NULL,
	"with_family" text DEFAULT '' NOT NULL,
	"withheld" text DEFAULT '' NOT NULL,
	"consent" text NOT NULL,
	"consent_from" text DEFAULT '' NOT NULL,
	"share_anyway" boolean,
	"share_anyway_reasons" text DEFAULT '' NOT NULL,
	"police_consulted" boolean,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conference_information_sharing" ADD CONSTRAINT "conference_information_sharing_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_information_sharing" ADD CONSTRAINT "conference_information_sharing_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "conference_information_sharing_conference" ON "conference_information_sharing" USING btree ("conference_id");
--> statement-breakpoint
CREATE TABLE "emergency_responsibility" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"responsible_authority" text NOT NULL,
	"responsible_because" text NOT NULL,
	"emergency_action" text NOT NULL,
	"found_on" date NOT NULL,
	"consulted_on" date NOT NULL,
	"consulted_name" text NOT NULL,
	"consultation_notes" text DEFAULT '' NOT NULL,
	"their_answer" text,
	"answered_on" date,
	"written_confirmation_on" date,
	"written_confirmation_reference" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"passed_at" timestamp with time zone,
	"passed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "emergency_responsibility" ADD CONSTRAINT "emergency_responsibility_child_id_people_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_responsibility" ADD CONSTRAINT "emergency_responsibility_passed_by_users_id_fk" FOREIGN KEY ("passed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "emergency_responsibility" ADD CONSTRAINT "emergency_responsibility_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "emergency_responsibility_child" ON "emergency_responsibility" USING btree ("child_id");
--> statement-breakpoint
CREATE TABLE "temporary_resident_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"change" text NOT NULL,
	"changed_on" date NOT NULL,
	"details" text NOT NULL,
	"agencies_told_at" timestamp with time zone,
	"agencies_told_by" uuid,
	"agencies_told" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "temporary_resident_changes" ADD CONSTRAINT "temporary_resident_changes_plan_id_child_protection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."child_protection_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "temporary_resident_changes" ADD CONSTRAINT "temporary_resident_changes_child_id_people_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "temporary_resident_changes" ADD CONSTRAINT "temporary_resident_changes_agencies_told_by_users_id_fk" FOREIGN KEY ("agencies_told_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "temporary_resident_changes" ADD CONSTRAINT "temporary_resident_changes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "temporary_resident_changes_plan" ON "temporary_resident_changes" USING btree ("plan_id");
