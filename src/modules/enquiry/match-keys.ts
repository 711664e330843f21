import { inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { addresses, people, personMatchKeys } from '../../db/schema/index.js';
import { blockingKeys, type KeySource } from '../../domain/matching/keys.js';

/** The key source of a person as stored: their name, aliases and previous names, date of birth and every postcode they have lived at. */
export function keySourceOf(person: { givenNames: string; familyName: string; aliases: { givenNames: string; familyName: string }[]; dateOfBirth: string | null }, postcodes: string[]): KeySource {
  return { names: [{ givenNames: person.givenNames, familyName: person.familyName }, ...person.aliases], dateOfBirth: person.dateOfBirth, postcodes };
}

/** Writes keys for many people at once (the caller has removed any old ones), in batches. */
export async function insertMatchKeys(db: Queryable, rows: { personId: string; keys: string[] }[]): Promise<void> {
  const keys: string[] = [];
  const ids: string[] = [];
  for (const r of rows) {
    for (const key of r.keys) {
      keys.push(key);
      ids.push(r.personId);
    }
  }
  // Two array parameters however many rows: far quicker to send and plan than a row of parameters each.
  for (let i = 0; i < keys.length; i += 50_000) {
    await db.execute(
      sql`insert into person_match_keys (key, person_id) select * from unnest(${sql.param(keys.slice(i, i + 50_000))}::text[], ${sql.param(ids.slice(i, i + 50_000))}::uuid[]) on conflict do nothing`,
    );
  }
}

/**
 * The keys of a person just inserted, in the same transaction, from the row as stored: a new
 * person has no old keys to remove and no addresses yet, so nothing needs reading back.
 */
export async function insertNewPersonMatchKeys(db: Queryable, person: { id: string } & Parameters<typeof keySourceOf>[0]): Promise<void> {
  await insertMatchKeys(db, [{ personId: person.id, keys: blockingKeys(keySourceOf(person, [])) }]);
}

/**
 * Rebuilds the matcher's keys for these people from what is stored: called inside the same
 * transaction as any change to their names, date of birth or addresses, so the index never lags.
 */
export async function refreshMatchKeys(db: Queryable, personIds: string[]): Promise<void> {
  if (!personIds.length) return;
  const found = await db
    .select({ id: people.id, givenNames: people.givenNames, familyName: people.familyName, aliases: people.aliases, dateOfBirth: people.dateOfBirth })
    .from(people)
    .where(inArray(people.id, personIds));
  const postcodes = await db.select({ personId: addresses.personId, postcode: addresses.postcode }).from(addresses).where(inArray(addresses.personId, personIds));
  await db.delete(personMatchKeys).where(inArray(personMatchKeys.personId, personIds));
  await insertMatchKeys(
    db,
    found.map((p) => ({ personId: p.id, keys: blockingKeys(keySourceOf(p, postcodes.filter((a) => a.personId === p.id).map((a) => a.postcode))) })),
  );
}

/** Files everyone who has no keys yet (people recorded before the matcher existed); returns how many. */
export async function indexUnkeyedPeople(db: Queryable, batch = 2000): Promise<number> {
  let total = 0;
  for (;;) {
    const result = (await db.execute(
      sql`select p.id from people p where not exists (select 1 from person_match_keys k where k.person_id = p.id) limit ${batch}`,
    )) as unknown as { rows: { id: string }[] };
    const ids = result.rows.map((r) => r.id);
    if (!ids.length) return total;
    await refreshMatchKeys(db, ids);
    total += ids.length;
    if (ids.length < batch) return total;
  }
}
