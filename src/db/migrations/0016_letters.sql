ALTER TABLE "rooms" ADD COLUMN "street" text;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "town" text;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "postcode" text;--> statement-breakpoint
CREATE TABLE "letter_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"printed_by" uuid NOT NULL,
	"printed_at" timestamp with time zone NOT NULL,
	"letter_count" integer NOT NULL,
	"message_ids" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "letter_batches" ADD CONSTRAINT "letter_batches_printed_by_users_id_fk" FOREIGN KEY ("printed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "batch_id" uuid;--> statement-breakpoint
CREATE INDEX "outbox_batch" ON "outbox_messages" USING btree ("batch_id");
