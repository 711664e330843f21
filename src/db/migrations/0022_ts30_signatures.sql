ALTER TABLE "out_of_timescale_authorisations" ADD COLUMN "signatures" jsonb DEFAULT '[]'::jsonb NOT NULL;
