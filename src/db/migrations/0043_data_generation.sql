-- A count of committed changes to the records work lists are made from (issue 16). A home page's
-- lists took most of its time to work out on every load; they can be kept and shown again only
-- while nothing they are made from has changed, in this process or any other, and this count says
-- so: each transaction that writes to a counted table adds one at its commit, in the same commit.
-- The count is read before a list is worked out, so a kept list is never older than its number.
CREATE TABLE "data_generation" (
	"id" integer PRIMARY KEY NOT NULL,
	"changes" bigint NOT NULL,
	CONSTRAINT "data_generation_one_row" CHECK ("data_generation"."id" = 1)
);
--> statement-breakpoint
INSERT INTO data_generation (id, changes) VALUES (1, 0);
--> statement-breakpoint
-- A transaction's first write to a counted table leaves a mark (a statement trigger, so a COPY of
-- a million rows costs one call, not a million); the mark's deferred trigger moves the count once
-- at commit and takes the mark away. Nothing shared is locked before the commit: the count's row
-- is taken there, after the audit seal's lock, which every commit that writes takes first, so two
-- commits never wait on each other in turn. A rolled-back write (or savepoint) takes its mark with it.
CREATE TABLE "data_generation_marks" (
	"txid" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION data_generation_mark() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  IF current_setting('convene.data_generation_marked', true) IS DISTINCT FROM 'yes' THEN
    PERFORM set_config('convene.data_generation_marked', 'yes', true);
    INSERT INTO data_generation_marks (txid) VALUES (txid_current());
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION data_generation_bump() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7208091904);
  UPDATE data_generation SET changes = changes + 1 WHERE id = 1;
  DELETE FROM data_generation_marks WHERE txid = NEW.txid;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER data_generation_commit AFTER INSERT ON data_generation_marks
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_generation_bump();
--> statement-breakpoint
-- Every table but those written by reads and sign-ins, which no work list shows
-- (DATA_GENERATION_EXEMPT in src/db/schema/data-generation.ts; a test holds the two together).
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN (
    'audit_events', 'sessions', 'address_throttles', 'unknown_username_throttles', 'api_client_usage',
    'api_agency_usage', 'job_runs', 'form_drafts', 'meeting_views', 'data_generation', 'data_generation_marks'
  ) ORDER BY tablename LOOP
    EXECUTE format('CREATE TRIGGER data_generation_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION data_generation_mark()', t);
  END LOOP;
END;
$$;
