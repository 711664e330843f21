import { and, asc, desc, eq, gte, inArray, isNull, or, type InferSelectModel } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Temporal } from 'temporal-polyfill';
import type { Queryable } from '../../db/client.js';
import {
  agencyConferenceRequests, cases, childProtectionPlans, householdMembers, households, people, referrals, section47Enquiries,
  strategyDiscussions,
} from '../../db/schema/index.js';
import type { ChildToConsider } from '../../domain/front-door/convene-checks.js';
import { NotFoundError } from './errors.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';

type Person = typeof people.$inferSelect;
export type CaseRow = typeof cases.$inferSelect;
export type ReferralRow = typeof referrals.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs: anything not shaped like one is simply not found. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * One row of a table by its id, or a 404 naming what was not found (`what`: "that referral"); an
 * id that is not shaped like a uuid finds nothing without asking the database.
 */
export async function loadById<T extends PgTable & { id: PgColumn }>(db: Queryable, table: T, id: string, what: string): Promise<InferSelectModel<T>> {
  if (!isUuid(id)) throw new NotFoundError(`We could not find ${what}.`);
  const [row] = await db.select().from(table as PgTable).where(eq(table.id, id));
  if (!row) throw new NotFoundError(`We could not find ${what}.`);
  return row as InferSelectModel<T>;
}

/** An unborn child is recorded with a surname and an expected date of delivery (UB1). */
export function isUnborn(person: Pick<Person, 'dateOfBirth' | 'expectedDeliveryDate'>): boolean {
  return person.dateOfBirth === null && person.expectedDeliveryDate !== null;
}

export function childName(person: Pick<Person, 'givenNames' | 'familyName' | 'dateOfBirth' | 'expectedDeliveryDate'>): string {
  if (person.givenNames) return `${person.givenNames} ${person.familyName}`;
  return isUnborn(person) ? `Unborn baby ${person.familyName}` : person.familyName;
}

/**
 * A child as lists and notices name them from a join that may hold no person: given and family
 * names, or "Unborn child" when there are none yet.
 */
export function listedName(p: { givenNames: string | null; familyName: string | null }): string {
  return `${p.givenNames ?? ''} ${p.familyName ?? ''}`.trim() || 'Unborn child';
}

export async function loadCase(db: Queryable, caseId: string): Promise<{ case: CaseRow; child: Person; name: string }> {
  if (!isUuid(caseId)) throw new NotFoundError('We could not find that case.');
  const [row] = await db.select({ case: cases, child: people }).from(cases).innerJoin(people, eq(cases.childId, people.id)).where(eq(cases.id, caseId));
  if (!row) throw new NotFoundError('We could not find that case.');
  return { ...row, name: childName(row.child) };
}

/** The referral that opened the episode (one per case: census CINreferralDate). */
export async function loadReferral(db: Queryable, caseId: string): Promise<ReferralRow | null> {
  const [row] = await db.select().from(referrals).where(eq(referrals.caseId, caseId)).orderBy(asc(referrals.receivedAt)).limit(1);
  return row ?? null;
}

export async function loadHousehold(db: Queryable, householdId: string) {
  return loadById(db, households, householdId, 'that household');
}

export interface HouseholdChild extends ChildToConsider {
  childId: string;
  person: Person;
  /** Living here with no open case: a conference cannot list them until one is opened. */
  hasCase: boolean;
  lookedAfter: boolean;
  iroId: string | null;
}

/**
 * Every child living in the household now (CV2), each with their open case and what the front
 * door has recorded for it: the facts the decision to convene is checked against.
 */
export async function loadHouseholdChildren(db: Queryable, householdId: string, today: Temporal.PlainDate): Promise<HouseholdChild[]> {
  const members = await db
    .select({ person: people })
    .from(householdMembers)
    .innerJoin(people, eq(householdMembers.personId, people.id))
    .where(and(
      eq(householdMembers.householdId, householdId), eq(people.kind, 'child'),
      or(isNull(householdMembers.toDate), gte(householdMembers.toDate, today.toString())),
    ))
    .orderBy(asc(people.dateOfBirth), asc(people.givenNames));
  const seen = new Set<string>();
  const persons = members.map((m) => m.person).filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
  if (persons.length === 0) return [];
  const childIds = persons.map((p) => p.id);

  const caseRows = await db.select().from(cases).where(and(inArray(cases.childId, childIds), isNull(cases.closedOn))).orderBy(desc(cases.openedOn));
  const caseOf = new Map<string, CaseRow>();
  for (const c of caseRows) if (!caseOf.has(c.childId)) caseOf.set(c.childId, c);
  const caseIds = [...caseOf.values()].map((c) => c.id);

  const referralRows = caseIds.length ? await db.select().from(referrals).where(inArray(referrals.caseId, caseIds)).orderBy(asc(referrals.receivedAt)) : [];
  const enquiryRows = caseIds.length
    ? await db
      .select({ enquiry: section47Enquiries, heldAt: strategyDiscussions.heldAt })
      .from(section47Enquiries)
      .innerJoin(strategyDiscussions, eq(section47Enquiries.strategyDiscussionId, strategyDiscussions.id))
      .where(inArray(section47Enquiries.caseId, caseIds))
      .orderBy(desc(section47Enquiries.startedOn), desc(section47Enquiries.createdAt))
    : [];
  const planRows = await db.select({ childId: childProtectionPlans.childId }).from(childProtectionPlans)
    .where(and(inArray(childProtectionPlans.childId, childIds), isNull(childProtectionPlans.endDate)));
  const agreedRows = caseIds.length
    ? await db.select({ caseId: agencyConferenceRequests.caseId }).from(agencyConferenceRequests)
      .where(and(inArray(agencyConferenceRequests.caseId, caseIds), eq(agencyConferenceRequests.decision, 'agreed'), isNull(agencyConferenceRequests.conferenceId)))
    : [];

  return persons.map((person) => {
    const c = caseOf.get(person.id);
    const referral = c ? referralRows.find((r) => r.caseId === c.id) : undefined;
    const latest = c ? enquiryRows.find((e) => e.enquiry.caseId === c.id) : undefined;
    return {
      caseId: c?.id ?? '',
      childId: person.id,
      person,
      name: childName(person),
      hasCase: c !== undefined,
      unborn: isUnborn(person),
      expectedDeliveryDate: person.expectedDeliveryDate,
      onPlan: planRows.some((p) => p.childId === person.id),
      referralDecision: referral?.decision ?? null,
      section47: latest ? { outcome: latest.enquiry.outcome, strategyDiscussionOn: londonDateOf(latest.heldAt).toString() } : null,
      agencyRequestAgreed: c ? agreedRows.some((a) => a.caseId === c.id) : false,
      lookedAfter: c?.lookedAfter ?? false,
      iroId: c?.iroId ?? null,
    };
  });
}
