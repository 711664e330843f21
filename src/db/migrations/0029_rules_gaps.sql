-- 003 the social work report: the social worker states the recommendation of legal action in the report itself; the yes/no stays in legal_action_recommended (set by the team manager until now, kept as it was).
ALTER TABLE "reports" ADD COLUMN "legal_action_recommendation" text;--> statement-breakpoint
-- UB2: who wrote the discharge-home plan and when, shown on the plan page.
ALTER TABLE "child_protection_plans" ADD COLUMN "discharge_home_plan_by" uuid;--> statement-breakpoint
ALTER TABLE "child_protection_plans" ADD COLUMN "discharge_home_plan_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "child_protection_plans" ADD CONSTRAINT "child_protection_plans_discharge_home_plan_by_users_id_fk" FOREIGN KEY ("discharge_home_plan_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Plans whose discharge-home plan was written before these columns: who and when from the audit trail's latest record of it.
UPDATE "child_protection_plans" AS p SET "discharge_home_plan_by" = a."user_id", "discharge_home_plan_at" = a."at"
FROM (
  SELECT DISTINCT ON ("record_id") "record_id", "user_id", "at" FROM "audit_events"
  WHERE "action" = 'plan-discharge-home-recorded' ORDER BY "record_id", "at" DESC
) AS a
WHERE a."record_id" = p."id"::text AND p."discharge_home_plan" IS NOT NULL AND (a."user_id" IS NULL OR EXISTS (SELECT 1 FROM "users" u WHERE u."id" = a."user_id"));--> statement-breakpoint
-- RV2 (newcastle, 004 2.2.9): who the IRO consulted was, alongside when and what they said.
ALTER TABLE "review_triggers" ADD COLUMN "iro_consulted_name" text;
