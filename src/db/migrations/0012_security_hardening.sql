CREATE TABLE "unknown_username_throttles" (
	"name_hash" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_last_step" bigint;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_chain_seq" ON "audit_events" USING btree ("chain_seq");--> statement-breakpoint
-- Hash chain over the audit trail. Each row's hash is SHA-256 over the previous row's hash and
-- this row's content (encoded as below; modules/audit/verify-chain.ts recomputes it independently).
-- Rows are sealed when the inserting transaction commits (a deferred trigger), under a
-- transaction-level advisory lock, so parallel writers extend one chain and the lock is held
-- only for the commit. `bin/convene audit verify` names the first row edited, deleted, inserted
-- or reordered; `bin/convene audit anchor FILE` keeps the latest hash outside the database.
CREATE OR REPLACE FUNCTION audit_field(value text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN value IS NULL THEN '-' ELSE octet_length(value)::text || ':' || value END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_payload(e audit_events) RETURNS text
  LANGUAGE sql STABLE AS $$
  SELECT concat_ws('|',
    audit_field(e.id::text),
    audit_field(to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')),
    audit_field(e.user_id::text), audit_field(e.username), audit_field(e.role), audit_field(e.action),
    audit_field(e.record_type), audit_field(e.record_id), audit_field(e.child_id::text), audit_field(e.outcome),
    audit_field(e.reason), audit_field(e.request_id), audit_field(e.address), audit_field(e.details::text))
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_hash(prev text, payload text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$ SELECT encode(sha256(convert_to(coalesce(prev, '') || chr(10) || payload, 'UTF8')), 'hex') $$;
--> statement-breakpoint
-- The append-only guard lets exactly one change through: the seal writing the chain columns of a
-- row not sealed yet, from inside the sealing trigger, with every other column unchanged.
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND OLD.hash IS NULL AND NEW.hash IS NOT NULL
     AND (to_jsonb(OLD) - 'chain_seq' - 'prev_hash' - 'hash') = (to_jsonb(NEW) - 'chain_seq' - 'prev_hash' - 'hash') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_seal() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  IF NEW.hash IS NOT NULL THEN
    RETURN NULL; -- already sealed: a row carried over by `db import`
  END IF;
  PERFORM pg_advisory_xact_lock(7208091904);
  SELECT chain_seq, hash INTO last_seq, last_hash FROM audit_events WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
  UPDATE audit_events
     SET chain_seq = coalesce(last_seq, 0) + 1, prev_hash = last_hash, hash = audit_events_hash(last_hash, audit_events_payload(NEW))
   WHERE id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_events_chain AFTER INSERT ON audit_events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_events_seal();
--> statement-breakpoint
-- Rows written before the chain existed are sealed now, in id order.
ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update;
--> statement-breakpoint
DO $$
DECLARE
  r audit_events;
  prev text := NULL;
  n bigint := 0;
BEGIN
  FOR r IN SELECT * FROM audit_events ORDER BY id LOOP
    n := n + 1;
    UPDATE audit_events SET chain_seq = n, prev_hash = prev, hash = audit_events_hash(prev, audit_events_payload(r)) WHERE id = r.id;
    SELECT hash INTO prev FROM audit_events WHERE id = r.id;
  END LOOP;
END $$;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update;
