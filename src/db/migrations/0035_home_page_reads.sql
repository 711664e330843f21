CREATE INDEX "plans_lead_open" ON "child_protection_plans" USING btree ("lead_social_worker_id") WHERE "child_protection_plans"."end_date" is null;--> statement-breakpoint
-- The audit chain sealed in one pass per commit instead of one per row (issue 16: a home page
-- that lists 150 children wrote 150 rows, each sealed by its own trigger call that looked up the
-- last row, hashed and updated: most of the page's time on PGlite). The first trigger call of a
-- commit seals every row of the transaction not sealed yet, in id (insertion) order, under the
-- same advisory lock, and writes them with one UPDATE; the calls for the other rows find theirs
-- sealed and return. Hashes, payload and order are as before: `audit verify` is unchanged.
-- Rows of other transactions are not visible until they commit, and they seal before they do, so
-- an unsealed row seen here is always this transaction's.
CREATE INDEX "audit_events_unsealed" ON "audit_events" USING btree ("id") WHERE "hash" IS NULL;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_seal() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  last_seq bigint;
  last_hash text;
  r record;
  ids bigint[] := '{}';
  seqs bigint[] := '{}';
  prevs text[] := '{}';
  hashes text[] := '{}';
BEGIN
  IF NEW.hash IS NOT NULL THEN
    RETURN NULL; -- already sealed: a row carried over by `db import`
  END IF;
  PERFORM pg_advisory_xact_lock(7208091904);
  IF NOT EXISTS (SELECT 1 FROM audit_events WHERE id = NEW.id AND hash IS NULL) THEN
    RETURN NULL; -- sealed by an earlier call in this commit
  END IF;
  SELECT chain_seq, hash INTO last_seq, last_hash FROM audit_events WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
  last_seq := coalesce(last_seq, 0);
  FOR r IN SELECT e.id, audit_events_payload(e) AS payload FROM audit_events e WHERE e.hash IS NULL ORDER BY e.id LOOP
    last_seq := last_seq + 1;
    ids := ids || r.id;
    seqs := seqs || last_seq;
    prevs := prevs || last_hash;
    last_hash := audit_events_hash(last_hash, r.payload);
    hashes := hashes || last_hash;
  END LOOP;
  UPDATE audit_events a SET chain_seq = v.seq, prev_hash = v.prev, hash = v.hash
    FROM unnest(ids, seqs, prevs, hashes) AS v(id, seq, prev, hash)
   WHERE a.id = v.id;
  RETURN NULL;
END;
$$;
