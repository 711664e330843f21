import { and, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { addresses, people } from '../../db/schema/index.js';
import { mayOpenChildRecord } from '../../policies/child-record.js';
import { mayViewChildRecords } from '../../policies/children.js';
import { childRelationships } from '../access/child-record-access.js';
import { auditRow, insertAuditRows } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError } from '../shared/errors.js';

export interface PeopleSearch {
  name?: string | undefined;
  dateOfBirth?: string | undefined;
  address?: string | undefined;
}

/** Who a person is, as a search lists them (the people search here, the enquiry's candidates). */
export interface PersonSummary {
  id: string;
  kind: string;
  givenNames: string;
  familyName: string;
  aliases: { givenNames: string; familyName: string }[];
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  laChildId: string | null;
  address: string | null;
  caseId: string | null;
}

export interface PersonHit extends PersonSummary {
  onPlan: boolean;
}

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
function contains(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Name (given, family or any alias; partial, any case), date of birth, and address (line or
 * postcode, partial). Every search is audited with its terms, and each child it shows.
 */
export async function searchPeople(db: Database, context: ActionContext, search: PeopleSearch): Promise<PersonHit[]> {
  if (!mayViewChildRecords(context.actor)) throw new ForbiddenError();
  const where: SQL[] = [];
  for (const word of (search.name ?? '').trim().split(/\s+/).filter(Boolean)) {
    const like = contains(word);
    where.push(
      or(
        ilike(people.givenNames, like),
        ilike(people.familyName, like),
        sql`exists (select 1 from jsonb_array_elements(${people.aliases}) a where a->>'givenNames' ilike ${like} or a->>'familyName' ilike ${like})`,
      )!,
    );
  }
  if (search.dateOfBirth) where.push(eq(people.dateOfBirth, search.dateOfBirth));
  if (search.address) {
    const like = contains(search.address.trim());
    const compact = contains(search.address.replace(/\s+/g, ''));
    where.push(
      sql`exists (select 1 from ${addresses} ad where ad.person_id = ${people.id} and (ad.line1 ilike ${like} or ad.town ilike ${like} or replace(ad.postcode, ' ', '') ilike ${compact}))`,
    );
  }
  if (!where.length) return [];
  const rows = await db
    .select({
      person: people,
      // Named in full: inside a select list the ORM writes a bare "id", which would read the subquery's own id column.
      address: sql<string | null>`(select concat_ws(', ', ad.line1, nullif(ad.line2, ''), nullif(trim(ad.town || ' ' || ad.postcode), '')) from addresses ad where ad.person_id = "people"."id" and ad.to_date is null order by ad.from_date desc limit 1)`,
      caseId: sql<string | null>`(select c.id from cases c where c.child_id = "people"."id" order by (c.closed_on is null) desc, c.opened_on desc limit 1)`,
      onPlan: sql<boolean>`exists (select 1 from child_protection_plans pl where pl.child_id = "people"."id" and pl.end_date is null)`,
    })
    .from(people)
    .where(and(...where))
    .orderBy(people.familyName, people.givenNames)
    .limit(100);
  // Only those whose record the searcher may open: another authority's children, and the adults
  // known only through them, are not shown (a name, birth date and address are a disclosure, and
  // their links would lead nowhere).
  const actor = context.actor!;
  // Every candidate's relationship in one statement, not one each (up to a hundred).
  const relationships = await childRelationships(db, actor, rows.map((r) => r.person.id));
  const shown = rows.filter((r) => mayOpenChildRecord(actor, relationships.get(r.person.id)!));
  // The search, and each child it shows: a child in a list is a disclosure that the child is known.
  await db.transaction(async (tx) => {
    await insertAuditRows(tx, [
      auditRow(context, { action: 'people-searched', details: { ...search, results: shown.length } }),
      ...shown.filter((r) => r.person.kind === 'child').map((r) => auditRow(context, { action: 'person-shown-in-search', recordType: 'person', recordId: r.person.id, childId: r.person.id, details: { search: 'partial' } })),
    ]);
  });
  return shown.map((r) => ({
    id: r.person.id, kind: r.person.kind, givenNames: r.person.givenNames, familyName: r.person.familyName, aliases: r.person.aliases,
    dateOfBirth: r.person.dateOfBirth, expectedDeliveryDate: r.person.expectedDeliveryDate, laChildId: r.person.laChildId,
    address: r.address, caseId: r.caseId, onPlan: Boolean(r.onPlan),
  }));
}
