CREATE TABLE "api_agency_usage" (
	"agency" text NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "api_agency_usage_agency_minute_pk" PRIMARY KEY("agency","minute")
);
--> statement-breakpoint
CREATE INDEX "relationships_child" ON "relationships" USING btree ("child_id");