CREATE TABLE "person_match_keys" (
	"key" text NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "person_match_keys_key_person_id_pk" PRIMARY KEY("key","person_id")
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "external_ref" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "import_digest" text;--> statement-breakpoint
ALTER TABLE "person_match_keys" ADD CONSTRAINT "person_match_keys_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_match_keys_person" ON "person_match_keys" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "addresses_person" ON "addresses" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_external_ref" ON "people" USING btree ("external_ref");