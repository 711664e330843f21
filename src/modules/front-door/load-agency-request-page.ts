import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { organisations } from '../../db/schema/index.js';
import { loadUserName } from '../accounts/load-user-names.js';
import { loadAgencyRequest } from './decide-agency-request.js';
import { loadCase } from '../shared/load-records.js';

/** FD5: the partner agencies a request for a conference can come from (the authority itself is not one). */
export async function loadRequestingAgencies(db: Database) {
  const rows = await db.select({ id: organisations.id, name: organisations.name, kind: organisations.kind }).from(organisations).orderBy(asc(organisations.name));
  return rows.filter((o) => o.kind !== 'local-authority');
}

/** An agency's request for a conference with the child's case, the agency's name and who decided it. */
export async function loadAgencyRequestPage(db: Database, id: string) {
  const item = await loadAgencyRequest(db, id);
  const episode = await loadCase(db, item.caseId);
  const [organisation] = item.organisationId
    ? await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, item.organisationId))
    : [];
  return { item, episode, organisationName: organisation?.name ?? null, decidedByName: await loadUserName(db, item.decidedBy) };
}
