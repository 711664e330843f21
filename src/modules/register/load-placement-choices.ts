import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { people } from '../../db/schema/index.js';

/** The children a register officer may record as placed here: a select's options, by family name. */
export async function loadChildrenToPlace(db: Queryable): Promise<{ value: string; text: string }[]> {
  const rows = await db
    .select({ id: people.id, givenNames: people.givenNames, familyName: people.familyName, dateOfBirth: people.dateOfBirth, expectedDeliveryDate: people.expectedDeliveryDate })
    .from(people)
    .where(eq(people.kind, 'child'))
    .orderBy(asc(people.familyName), asc(people.givenNames))
    .limit(2000);
  return rows.map((c) => ({ value: c.id, text: `${`${c.givenNames} ${c.familyName}`.trim()} (${c.dateOfBirth ?? 'due ' + (c.expectedDeliveryDate ?? '?')})` }));
}
