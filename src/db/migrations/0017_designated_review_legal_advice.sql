CREATE TABLE "designated_review_legal_advice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"conference_id" uuid NOT NULL,
	"sought_on" date NOT NULL,
	"adviser" text NOT NULL,
	"advice" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "designated_review_legal_advice_conference_id_unique" UNIQUE("conference_id")
);
--> statement-breakpoint
ALTER TABLE "designated_review_legal_advice" ADD CONSTRAINT "designated_review_legal_advice_plan_id_child_protection_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."child_protection_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designated_review_legal_advice" ADD CONSTRAINT "designated_review_legal_advice_child_id_people_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designated_review_legal_advice" ADD CONSTRAINT "designated_review_legal_advice_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "designated_review_legal_advice" ADD CONSTRAINT "designated_review_legal_advice_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
