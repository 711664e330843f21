ALTER TABLE "invitations" ADD COLUMN "observer_requested_on" date;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "chair_agreed_by" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "chair_agreed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "family_consent" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_chair_agreed_by_users_id_fk" FOREIGN KEY ("chair_agreed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;