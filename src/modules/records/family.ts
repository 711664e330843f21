import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { cases, householdMembers, households, people, relationships } from '../../db/schema/index.js';
import { mayRecordCaseWork } from '../../policies/children.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { keysOf } from '../../domain/choices.js';

export const RELATIONSHIP_LABELS = {
  mother: 'Mother', father: 'Father', 'step-parent': 'Step-parent', carer: 'Carer', sibling: 'Sibling', grandparent: 'Grandparent', other: 'Other',
};
export const RELATIONSHIP_TYPES = keysOf(RELATIONSHIP_LABELS);
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

type PersonRow = typeof people.$inferSelect;

export interface HouseholdMemberView {
  memberId: string;
  person: PersonRow;
  fromDate: string;
  toDate: string | null;
}

export interface HouseholdView {
  id: string;
  name: string;
  current: HouseholdMemberView[];
  past: HouseholdMemberView[];
}

/** Who lives in a household now and who has left, oldest arrival first. */
export async function loadHousehold(db: Database, householdId: string): Promise<HouseholdView | null> {
  const [household] = await db.select().from(households).where(eq(households.id, householdId));
  if (!household) return null;
  const rows = await db
    .select({ member: householdMembers, person: people })
    .from(householdMembers)
    .innerJoin(people, eq(householdMembers.personId, people.id))
    .where(eq(householdMembers.householdId, householdId))
    .orderBy(asc(householdMembers.fromDate));
  const members = rows.map((r) => ({ memberId: r.member.id, person: r.person, fromDate: r.member.fromDate, toDate: r.member.toDate }));
  return { id: household.id, name: household.name, current: members.filter((m) => !m.toDate), past: members.filter((m) => m.toDate) };
}

/** The households a person lives in now (usually one). */
export async function currentHouseholdsOf(db: Database, personId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: households.id, name: households.name })
    .from(householdMembers)
    .innerJoin(households, eq(householdMembers.householdId, households.id))
    .where(and(eq(householdMembers.personId, personId), isNull(householdMembers.toDate)));
}

export interface RelationshipView {
  id: string;
  person: PersonRow;
  type: string;
  parentalResponsibility: boolean;
  livesWithChild: boolean;
}

export async function relationshipsOf(db: Database, childId: string): Promise<RelationshipView[]> {
  const rows = await db.select({ rel: relationships, person: people }).from(relationships).innerJoin(people, eq(relationships.personId, people.id)).where(eq(relationships.childId, childId));
  return rows.map((r) => ({ id: r.rel.id, person: r.person, type: r.rel.type, parentalResponsibility: r.rel.parentalResponsibility, livesWithChild: r.rel.livesWithChild }));
}

/** People a relationship can be recorded with: everyone in the child's current households but the child. */
export async function relationshipCandidates(db: Database, childId: string): Promise<PersonRow[]> {
  const homes = await currentHouseholdsOf(db, childId);
  if (homes.length === 0) return [];
  const rows = await db
    .select({ person: people })
    .from(householdMembers)
    .innerJoin(people, eq(householdMembers.personId, people.id))
    .where(and(inArray(householdMembers.householdId, homes.map((h) => h.id)), isNull(householdMembers.toDate)));
  return rows.map((r) => r.person).filter((p) => p.id !== childId);
}

async function childOrThrow(db: Database, childId: string): Promise<PersonRow> {
  const [child] = await db.select().from(people).where(eq(people.id, childId));
  if (!child || child.kind !== 'child') throw new NotFoundError('That child does not exist.');
  return child;
}

/**
 * Records how someone relates to a child, or changes it. Parental responsibility decides who is
 * invited as a parent (IN2), so it is recorded here rather than guessed from the relationship.
 */
export async function saveRelationship(
  db: Database,
  context: ActionContext,
  input: { childId: string; personId: string; type: RelationshipType; parentalResponsibility: boolean; livesWithChild: boolean },
): Promise<void> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  await childOrThrow(db, input.childId);
  if (input.personId === input.childId) throw new ValidationError([{ field: 'personId', message: 'Choose someone other than the child' }]);
  const [person] = await db.select({ id: people.id }).from(people).where(eq(people.id, input.personId));
  if (!person) throw new ValidationError([{ field: 'personId', message: 'Choose a person from the list' }]);
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(relationships).where(and(eq(relationships.childId, input.childId), eq(relationships.personId, input.personId)));
    const values = { type: input.type, parentalResponsibility: input.parentalResponsibility, livesWithChild: input.livesWithChild };
    if (existing) await tx.update(relationships).set(values).where(eq(relationships.id, existing.id));
    else await tx.insert(relationships).values({ childId: input.childId, personId: input.personId, ...values });
    await recordAudit(tx, context, {
      action: existing ? 'relationship-changed' : 'relationship-added', recordType: 'person', recordId: input.personId, childId: input.childId,
      details: { type: input.type, parentalResponsibility: input.parentalResponsibility },
    });
  });
}

export async function removeRelationship(db: Database, context: ActionContext, childId: string, relationshipId: string): Promise<void> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(relationships).where(and(eq(relationships.id, relationshipId), eq(relationships.childId, childId))).returning();
    if (!row) throw new NotFoundError('That relationship does not exist.');
    await recordAudit(tx, context, { action: 'relationship-removed', recordType: 'person', recordId: row.personId, childId, details: { type: row.type } });
  });
}

/** Children's ids among a set of people, so a household change is audited against each child it touches. */
async function childIdsAmong(db: Database, personIds: string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await db.select({ id: people.id }).from(people).where(and(inArray(people.id, personIds), eq(people.kind, 'child')));
  return rows.map((r) => r.id);
}

export async function createHousehold(db: Database, context: ActionContext, input: { name: string; personId: string; fromDate: string }): Promise<string> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  // Only what the household needs: a person's whole row (thirty columns, arrays among them) costs
  // twice a narrow read's CPU on PGlite, and every referral creates a household.
  const [person] = await db.select({ id: people.id, kind: people.kind }).from(people).where(eq(people.id, input.personId));
  if (!person) throw new NotFoundError('That person does not exist.');
  return db.transaction(async (tx) => {
    const [household] = await tx.insert(households).values({ name: input.name }).returning();
    if (!household) throw new Error('household insert returned nothing');
    await tx.insert(householdMembers).values({ householdId: household.id, personId: person.id, fromDate: input.fromDate });
    // A child's open case follows the household the child lives in.
    if (person.kind === 'child') await tx.update(cases).set({ householdId: household.id }).where(and(eq(cases.childId, person.id), isNull(cases.closedOn)));
    await recordAudit(tx, context, { action: 'household-created', recordType: 'household', recordId: household.id, childId: person.kind === 'child' ? person.id : null });
    return household.id;
  });
}

export async function addHouseholdMember(db: Database, context: ActionContext, householdId: string, input: { personId: string; fromDate: string }): Promise<void> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  const household = await loadHousehold(db, householdId);
  if (!household) throw new NotFoundError('That household does not exist.');
  const [person] = await db.select().from(people).where(eq(people.id, input.personId));
  if (!person) throw new ValidationError([{ field: 'personId', message: 'Choose a person from the search results' }]);
  if (household.current.some((m) => m.person.id === person.id)) throw new ConflictError(`${person.givenNames} ${person.familyName} already lives in this household.`);
  const touched = await childIdsAmong(db, [person.id, ...household.current.map((m) => m.person.id)]);
  await db.transaction(async (tx) => {
    await tx.insert(householdMembers).values({ householdId, personId: person.id, fromDate: input.fromDate });
    if (person.kind === 'child') await tx.update(cases).set({ householdId }).where(and(eq(cases.childId, person.id), isNull(cases.closedOn)));
    for (const childId of touched.length ? touched : [null]) {
      await recordAudit(tx, context, { action: 'household-member-added', recordType: 'household', recordId: householdId, childId, details: { personId: person.id } });
    }
  });
}

export async function endHouseholdMembership(db: Database, context: ActionContext, householdId: string, memberId: string, input: { toDate: string }): Promise<void> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  const household = await loadHousehold(db, householdId);
  const member = household?.current.find((m) => m.memberId === memberId);
  if (!household || !member) throw new NotFoundError('That person does not live in this household now.');
  if (input.toDate < member.fromDate) throw new ValidationError([{ field: 'toDate', message: `The date they left cannot be before they moved in (${member.fromDate})` }]);
  const touched = await childIdsAmong(db, household.current.map((m) => m.person.id));
  await db.transaction(async (tx) => {
    await tx.update(householdMembers).set({ toDate: input.toDate }).where(and(eq(householdMembers.id, memberId), isNull(householdMembers.toDate)));
    for (const childId of touched.length ? touched : [null]) {
      await recordAudit(tx, context, { action: 'household-member-left', recordType: 'household', recordId: householdId, childId, details: { personId: member.person.id } });
    }
  });
}
