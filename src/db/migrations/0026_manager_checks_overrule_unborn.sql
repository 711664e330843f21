ALTER TABLE "reports" ADD COLUMN "legal_action_recommended" boolean;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "manager_checked_by" uuid;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "manager_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "manager_checked_version" integer;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "legal_action_decision" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "legal_action_reasons" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "legal_action_decided_by" uuid;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "legal_action_decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_manager_checked_by_users_id_fk" FOREIGN KEY ("manager_checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_legal_action_decided_by_users_id_fk" FOREIGN KEY ("legal_action_decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD COLUMN "overrule_review_outcome" text;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD COLUMN "overrule_review_reasons" text;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD COLUMN "overrule_reviewed_by" uuid;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD COLUMN "overrule_reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD COLUMN "further_conference_id" uuid;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_overrule_reviewed_by_users_id_fk" FOREIGN KEY ("overrule_reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_further_conference_id_conferences_id_fk" FOREIGN KEY ("further_conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_protection_plans" ADD COLUMN "discharge_home_plan" text;--> statement-breakpoint
ALTER TABLE "review_triggers" ADD COLUMN "iro_consulted_on" date;--> statement-breakpoint
ALTER TABLE "review_triggers" ADD COLUMN "iro_consulted_note" text;
