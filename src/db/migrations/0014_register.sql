CREATE TABLE "childrens_centre_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"centre_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"as_of" date NOT NULL,
	"named" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unnamed_count" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"generated_by" uuid,
	"generated_at" timestamp with time zone NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"sent_by" uuid,
	"sent_at" timestamp with time zone,
	"outbox_message_id" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "childrens_centres" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"secure_email" text NOT NULL,
	"postcode_districts" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_notification_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notification_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"social_worker_id" uuid,
	"outbox_message_id" uuid
);
--> statement-breakpoint
CREATE TABLE "risk_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"person_name" text NOT NULL,
	"person_date_of_birth" date,
	"concern" text NOT NULL,
	"source" text NOT NULL,
	"received_on" date NOT NULL,
	"household_id" uuid,
	"status" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"sent_by" uuid,
	"sent_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "legal_status" text;--> statement-breakpoint
ALTER TABLE "child_protection_plans" ADD COLUMN "responsible_authority" text;--> statement-breakpoint
ALTER TABLE "childrens_centre_lists" ADD CONSTRAINT "childrens_centre_lists_centre_id_childrens_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."childrens_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "childrens_centre_lists" ADD CONSTRAINT "childrens_centre_lists_generated_by_users_id_fk" FOREIGN KEY ("generated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "childrens_centre_lists" ADD CONSTRAINT "childrens_centre_lists_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "childrens_centre_lists" ADD CONSTRAINT "childrens_centre_lists_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "childrens_centres" ADD CONSTRAINT "childrens_centres_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_notification_recipients" ADD CONSTRAINT "risk_notification_recipients_notification_id_risk_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."risk_notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_notification_recipients" ADD CONSTRAINT "risk_notification_recipients_child_id_people_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_notification_recipients" ADD CONSTRAINT "risk_notification_recipients_plan_id_child_protection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."child_protection_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_notification_recipients" ADD CONSTRAINT "risk_notification_recipients_social_worker_id_users_id_fk" FOREIGN KEY ("social_worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_notifications" ADD CONSTRAINT "risk_notifications_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_notifications" ADD CONSTRAINT "risk_notifications_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_notifications" ADD CONSTRAINT "risk_notifications_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_notifications" ADD CONSTRAINT "risk_notifications_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "childrens_centre_lists_centre_quarter" ON "childrens_centre_lists" USING btree ("centre_id","quarter");--> statement-breakpoint
CREATE INDEX "risk_notification_recipients_worker" ON "risk_notification_recipients" USING btree ("social_worker_id");--> statement-breakpoint
CREATE INDEX "risk_notifications_status" ON "risk_notifications" USING btree ("status");--> statement-breakpoint
CREATE INDEX "plans_open_start" ON "child_protection_plans" USING btree ("start_date","end_date");