-- Issue 16: the team manager's visit ranking looks up each open plan's last visit at which the child was
-- seen through this index, instead of grouping every visit ever recorded.
CREATE INDEX "plan_visits_seen" ON "plan_visits" USING btree ("plan_id","visited_on") WHERE "plan_visits"."child_seen";