CREATE INDEX "cases_household" ON "cases" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "cases_team_manager" ON "cases" USING btree ("team_manager_id");