-- The audit seal made cheaper where a page lists many children (issue 16: inserting the 150 rows of
-- a home page cost about four times the insert alone on PGlite). Two changes, same guarantees:
-- 1. Each row's trigger call after the first in a commit returned only once it had taken the chain
--    lock and looked its row up. The pass that seals now notes, for the rest of the transaction,
--    the highest id it sealed; a later call for a row at or below it returns at once. Ids come from
--    one sequence, so a row written after that pass (after SET CONSTRAINTS ... IMMEDIATE, say) has a
--    higher id and is sealed by a pass of its own. The note is transaction-local and goes with a
--    rolled-back savepoint.
-- 2. The append-only guard compared each sealed row with its old self as two JSON documents; it now
--    compares the two rows as rows, with the chain columns blanked: every other column, present or
--    added later, must still be unchanged.
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
  IF NEW.id <= coalesce(nullif(current_setting('convene.audit_sealed_upto', true), '')::bigint, 0) THEN
    RETURN NULL; -- sealed by an earlier call in this commit
  END IF;
  PERFORM pg_advisory_xact_lock(7208091904);
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
  IF array_length(ids, 1) IS NOT NULL THEN
    PERFORM set_config('convene.audit_sealed_upto', ids[array_length(ids, 1)]::text, true);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger AS $$
DECLARE
  was audit_events;
  now_is audit_events;
BEGIN
  IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND OLD.hash IS NULL AND NEW.hash IS NOT NULL THEN
    was := OLD;
    now_is := NEW;
    was.chain_seq := NULL; was.prev_hash := NULL; was.hash := NULL;
    now_is.chain_seq := NULL; now_is.prev_hash := NULL; now_is.hash := NULL;
    IF was IS NOT DISTINCT FROM now_is THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
