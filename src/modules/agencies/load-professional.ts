import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { professionals } from '../../db/schema/index.js';
import { loadAgency } from './directory.js';

const uuid = /^[0-9a-f-]{36}$/i;

/** A practitioner with their agency and the agency's user accounts they can be linked to; null when either is gone. */
export async function loadProfessional(db: Database, id: string) {
  if (!uuid.test(id)) return null;
  const [professional] = await db.select().from(professionals).where(eq(professionals.id, id));
  const loaded = professional ? await loadAgency(db, professional.organisationId) : null;
  if (!professional || !loaded) return null;
  return { professional, agency: loaded.agency, accounts: loaded.accounts };
}
