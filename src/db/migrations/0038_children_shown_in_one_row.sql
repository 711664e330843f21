-- Issue 16: a home page that lists 150 children wrote 150 audit rows (and sealed each into the hash
-- chain) on every load; it now writes one row naming them all in details.children. This index lets
-- the auditor's child filter find a child in those rows as quickly as in child_id.
CREATE INDEX "audit_events_children_shown" ON "audit_events" USING gin (("details" -> 'children') jsonb_path_ops) WHERE "audit_events"."action" = 'children-shown-in-list';