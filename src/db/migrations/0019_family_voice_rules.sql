CREATE TABLE "worker_change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"requested_by" text NOT NULL,
	"requested_on" date NOT NULL,
	"reasons" text NOT NULL,
	"social_worker_id" uuid,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"decision" text,
	"decision_reasons" text,
	"family_told_on" date,
	"new_social_worker_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "worker_change_requests" ADD CONSTRAINT "worker_change_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_change_requests" ADD CONSTRAINT "worker_change_requests_child_id_people_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_change_requests" ADD CONSTRAINT "worker_change_requests_social_worker_id_users_id_fk" FOREIGN KEY ("social_worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_change_requests" ADD CONSTRAINT "worker_change_requests_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_change_requests" ADD CONSTRAINT "worker_change_requests_new_social_worker_id_users_id_fk" FOREIGN KEY ("new_social_worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_change_requests" ADD CONSTRAINT "worker_change_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "worker_change_requests_case" ON "worker_change_requests" USING btree ("case_id");
--> statement-breakpoint
CREATE TABLE "plan_identity_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"culture" text DEFAULT '' NOT NULL,
	"language" text DEFAULT '' NOT NULL,
	"religion" text DEFAULT '' NOT NULL,
	"shortfalls" text DEFAULT '' NOT NULL,
	"birth_family_contact" text DEFAULT '' NOT NULL,
	"family_group_conference" text,
	"family_group_conference_reasons" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plan_identity_needs_plan_id_unique" UNIQUE("plan_id")
);
--> statement-breakpoint
ALTER TABLE "plan_identity_needs" ADD CONSTRAINT "plan_identity_needs_plan_id_child_protection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."child_protection_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_identity_needs" ADD CONSTRAINT "plan_identity_needs_child_id_people_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_identity_needs" ADD CONSTRAINT "plan_identity_needs_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "child_requests_not_followed" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"request" text NOT NULL,
	"reasons" text NOT NULL,
	"shared_with_child_on" date,
	"shared_how" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parent_advocacy" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"invitation_id" uuid NOT NULL,
	"learning_disability" boolean DEFAULT false NOT NULL,
	"mental_health_need" boolean DEFAULT false NOT NULL,
	"decision" text,
	"reasons" text DEFAULT '' NOT NULL,
	"follow_up" text DEFAULT '' NOT NULL,
	"followed_up_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "parent_advocacy_invitation_id_unique" UNIQUE("invitation_id")
);
--> statement-breakpoint
ALTER TABLE "child_requests_not_followed" ADD CONSTRAINT "child_requests_not_followed_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_requests_not_followed" ADD CONSTRAINT "child_requests_not_followed_child_id_people_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_requests_not_followed" ADD CONSTRAINT "child_requests_not_followed_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parent_advocacy" ADD CONSTRAINT "parent_advocacy_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parent_advocacy" ADD CONSTRAINT "parent_advocacy_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parent_advocacy" ADD CONSTRAINT "parent_advocacy_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "child_requests_not_followed_conference" ON "child_requests_not_followed" USING btree ("conference_id");
