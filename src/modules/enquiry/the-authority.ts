import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { organisations } from '../../db/schema/index.js';
import { NotFoundError } from '../shared/errors.js';

/**
 * The local authority this deployment serves (one per deployment). The enquiry service is the
 * authority's, whichever agency the enquirer works for: its directory, its enquiries, its duty number.
 */
export async function theAuthority(db: Queryable): Promise<{ id: string; name: string; phone: string | null }> {
  const [la] = await db.select({ id: organisations.id, name: organisations.name, phone: organisations.phone }).from(organisations)
    .where(eq(organisations.kind, 'local-authority')).orderBy(asc(organisations.createdAt)).limit(1);
  if (!la) throw new NotFoundError('No local authority is set up yet: an administrator adds it under Agencies.');
  return la;
}
