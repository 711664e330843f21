CREATE TABLE "child_in_need_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"started_by" text NOT NULL,
	"end_date" date,
	"ended_by" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "census_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid,
	"reference_date" text NOT NULL,
	"la_code" text NOT NULL,
	"state" text DEFAULT 'running' NOT NULL,
	"checked" integer DEFAULT 0 NOT NULL,
	"total" integer,
	"report" jsonb,
	"running_by" text,
	"heartbeat_at" timestamp with time zone,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "child_in_need_plans" ADD CONSTRAINT "child_in_need_plans_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_in_need_plans" ADD CONSTRAINT "child_in_need_plans_child_id_people_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_in_need_plans" ADD CONSTRAINT "child_in_need_plans_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "census_checks" ADD CONSTRAINT "census_checks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "child_in_need_plans_child" ON "child_in_need_plans" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "child_in_need_plans_one_open" ON "child_in_need_plans" USING btree ("case_id") WHERE "child_in_need_plans"."end_date" is null;--> statement-breakpoint
CREATE INDEX "census_checks_expires" ON "census_checks" USING btree ("expires_at");