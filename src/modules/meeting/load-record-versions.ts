import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { conferenceRecordVersions, users } from '../../db/schema/index.js';

/** Every saved version of the conference record, oldest first, with who saved it (`by` null for the system). */
export async function loadRecordVersions(db: Queryable, recordId: string) {
  return db
    .select({ v: conferenceRecordVersions, by: users.displayName })
    .from(conferenceRecordVersions)
    .leftJoin(users, eq(users.id, conferenceRecordVersions.savedBy))
    .where(eq(conferenceRecordVersions.recordId, recordId))
    .orderBy(asc(conferenceRecordVersions.number));
}
