ALTER TABLE "people" ADD COLUMN "nhs_number" text;
