import { asc } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { organisations, teams } from '../../db/schema/index.js';

/** The organisations and teams a user can belong to, each team with its organisation's name. */
export async function loadOrganisationsAndTeams(db: Queryable) {
  const orgs = await db.select().from(organisations).orderBy(asc(organisations.name));
  const teamRows = await db.select().from(teams).orderBy(asc(teams.name));
  return {
    organisations: orgs,
    teams: teamRows.map((t) => ({ ...t, organisationName: orgs.find((o) => o.id === t.organisationId)?.name ?? '' })),
  };
}
