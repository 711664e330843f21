import { asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { organisations, teams, users } from '../../db/schema/index.js';

/** Every team with its organisation and how many users are in it, and the organisations a new team can join. */
export async function loadTeams(db: Queryable) {
  const orgs = await db.select().from(organisations).orderBy(asc(organisations.name));
  const rows = await db
    .select({ id: teams.id, name: teams.name, organisationName: organisations.name, members: sql<number>`(select count(*)::int from ${users} where ${users.teamId} = ${teams.id})` })
    .from(teams)
    .innerJoin(organisations, eq(teams.organisationId, organisations.id))
    .orderBy(asc(organisations.name), asc(teams.name));
  return { rows, organisations: orgs };
}
