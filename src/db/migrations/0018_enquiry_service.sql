CREATE TABLE "recognised_callers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"agency" text NOT NULL,
	"agency_kind" text NOT NULL,
	"phone" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enquiries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"taken_by" uuid NOT NULL,
	"caller_name" text NOT NULL,
	"caller_role" text NOT NULL,
	"caller_agency" text NOT NULL,
	"callback_number" text NOT NULL,
	"recognised_caller_id" uuid,
	"unrecognised_reason" text,
	"status" text NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"shown" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"child_id" uuid,
	"answer" jsonb,
	"unknown_key" text,
	"advice" text,
	"earlier_enquiry_id" uuid,
	"notices" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "recognised_callers" ADD CONSTRAINT "recognised_callers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognised_callers" ADD CONSTRAINT "recognised_callers_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_taken_by_users_id_fk" FOREIGN KEY ("taken_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_recognised_caller_id_recognised_callers_id_fk" FOREIGN KEY ("recognised_caller_id") REFERENCES "public"."recognised_callers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_child_id_people_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "recognised_callers_phone" ON "recognised_callers" USING btree ("organisation_id","phone");--> statement-breakpoint
CREATE INDEX "enquiries_started" ON "enquiries" USING btree ("organisation_id","started_at");--> statement-breakpoint
CREATE INDEX "enquiries_child" ON "enquiries" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "enquiries_unknown" ON "enquiries" USING btree ("unknown_key");
