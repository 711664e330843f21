import { randomInt } from 'node:crypto';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Database } from '../../db/client.js';
import { addresses, cases, people, type Alias } from '../../db/schema/index.js';
import { isValidNhsNumber, normaliseNhsNumber } from '../../domain/records/nhs-number.js';
import { checkBirth, checkPersonDates, isValidLaChildId } from '../../domain/records/person-rules.js';
import { mayRecordCaseWork } from '../../policies/children.js';
import { recordAudit } from '../audit/record-audit.js';
import { insertNewPersonMatchKeys, refreshMatchKeys } from '../enquiry/match-keys.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { noticeBirthToAgencies } from './birth-notice.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';
import { bumpVersion, updateAtVersion } from '../shared/versioned-update.js';

export interface PersonInput {
  kind: 'child' | 'adult';
  unborn: boolean;
  givenNames: string;
  familyName: string;
  aliases: Alias[];
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  sex: 'M' | 'F' | 'U' | null;
  gender: string | null;
  ethnicity: string | null;
  firstLanguage: string | null;
  interpreterNeeded: boolean;
  disabilities: string[];
  communicationNeeds: string | null;
  learningDisability: boolean;
  nationality: string | null;
  immigrationStatus: string | null;
  euSettlementStatus: string | null;
  gpName: string | null;
  gpPractice: string | null;
  laChildId: string | null;
  nhsNumber?: string | null;
}

const today = (context: ActionContext) => Temporal.PlainDate.from(londonIsoDate(context.now));

function validate(input: PersonInput, context: ActionContext, isNew: boolean): void {
  const problems = checkPersonDates(input, today(context), isNew);
  if (input.kind === 'child' && input.unborn && input.sex && input.sex !== 'U') problems.push({ field: 'sex', message: 'Record sex as not known (U) until the baby is born' });
  if (input.laChildId && !isValidLaChildId(input.laChildId)) problems.push({ field: 'laChildId', message: 'The child’s id must be 1 to 20 letters and digits' });
  if (!input.unborn && !input.givenNames.trim()) problems.push({ field: 'givenNames', message: 'Enter the given names' });
  if (input.nhsNumber) {
    const digits = normaliseNhsNumber(input.nhsNumber);
    if (!digits) problems.push({ field: 'nhsNumber', message: 'Enter the NHS number as 10 digits, like 943 476 5919' });
    else if (!isValidNhsNumber(digits)) problems.push({ field: 'nhsNumber', message: 'That is not a valid NHS number: check each digit' });
  }
  if (problems.length) throw new ValidationError(problems);
}

async function uniqueLaChildId(db: Database, wanted: string | null, personId: string | null): Promise<string> {
  if (wanted) {
    const [clash] = await db.select({ id: people.id }).from(people).where(personId ? and(eq(people.laChildId, wanted), ne(people.id, personId)) : eq(people.laChildId, wanted));
    if (clash) throw new ValidationError([{ field: 'laChildId', message: 'Another child already has that id' }]);
    return wanted;
  }
  for (;;) {
    const candidate = `C${randomInt(10_000_000, 99_999_999)}`;
    const [clash] = await db.select({ id: people.id }).from(people).where(eq(people.laChildId, candidate));
    if (!clash) return candidate;
  }
}

function values(input: PersonInput) {
  return {
    kind: input.kind,
    givenNames: input.unborn ? input.givenNames.trim() : input.givenNames.trim(),
    familyName: input.familyName.trim(),
    aliases: input.aliases,
    dateOfBirth: input.unborn ? null : input.dateOfBirth,
    expectedDeliveryDate: input.kind === 'child' && input.unborn ? input.expectedDeliveryDate : null,
    sex: input.kind === 'child' && input.unborn ? 'U' : input.sex,
    gender: input.gender, ethnicity: input.ethnicity, firstLanguage: input.firstLanguage, interpreterNeeded: input.interpreterNeeded,
    disabilities: input.disabilities, communicationNeeds: input.communicationNeeds, learningDisability: input.learningDisability,
    nationality: input.nationality, immigrationStatus: input.immigrationStatus, euSettlementStatus: input.euSettlementStatus,
    gpName: input.gpName, gpPractice: input.gpPractice,
    ...(input.nhsNumber !== undefined ? { nhsNumber: input.nhsNumber ? normaliseNhsNumber(input.nhsNumber) : null } : {}),
  };
}

export async function createPerson(db: Database, context: ActionContext, input: PersonInput): Promise<string> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  validate(input, context, true);
  const laChildId = input.kind === 'child' ? await uniqueLaChildId(db, input.laChildId, null) : null;
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(people).values({ ...values(input), laChildId, createdAt: context.now, updatedAt: context.now })
      .returning({ id: people.id, givenNames: people.givenNames, familyName: people.familyName, aliases: people.aliases, dateOfBirth: people.dateOfBirth });
    if (!row) throw new Error('person insert returned nothing');
    await insertNewPersonMatchKeys(tx, row);
    await recordAudit(tx, context, { action: 'person-created', recordType: 'person', recordId: row.id, childId: input.kind === 'child' ? row.id : null });
    return row.id;
  });
}

export async function updatePerson(db: Database, context: ActionContext, personId: string, input: PersonInput, version: number): Promise<void> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  const [existing] = await db.select().from(people).where(eq(people.id, personId));
  if (!existing) throw new NotFoundError('That person does not exist.');
  validate({ ...input, kind: existing.kind as 'child' | 'adult' }, context, false);
  const laChildId = existing.kind === 'child' ? await uniqueLaChildId(db, input.laChildId ?? existing.laChildId, personId) : null;
  await db.transaction(async (tx) => {
    await updateAtVersion(
      tx, people, { id: personId, version }, { ...values({ ...input, kind: existing.kind as 'child' | 'adult' }), laChildId, updatedAt: context.now },
      () => new ConflictError('Someone else changed this record while you were editing it. Reload it, check their changes and save again.'),
    );
    await refreshMatchKeys(tx, [personId]);
    await recordAudit(tx, context, { action: 'person-updated', recordType: 'person', recordId: personId, childId: existing.kind === 'child' ? personId : null });
  });
}

/** UB1: at birth, the given names, date of birth and sex go on the one record every other record points at. */
export async function confirmBirth(
  db: Database,
  context: ActionContext,
  personId: string,
  input: { givenNames: string; dateOfBirth: string; sex: 'M' | 'F' | 'U' },
): Promise<void> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  const [child] = await db.select().from(people).where(eq(people.id, personId));
  if (!child) throw new NotFoundError('That child does not exist.');
  if (child.dateOfBirth) throw new ConflictError('This child’s birth is already recorded.');
  const problems = checkBirth(child.expectedDeliveryDate, input.dateOfBirth, today(context));
  if (problems.length) throw new ValidationError(problems);
  await db.transaction(async (tx) => {
    await bumpVersion(tx, people, eq(people.id, personId), { givenNames: input.givenNames, dateOfBirth: input.dateOfBirth, sex: input.sex, updatedAt: context.now });
    await refreshMatchKeys(tx, [personId]);
    // UB1: the partner agencies put the name and date of birth on their records too.
    const told = await noticeBirthToAgencies(tx, context, personId, {
      childName: `${input.givenNames} ${child.familyName}`.trim(), dateOfBirth: input.dateOfBirth, formerly: `${child.givenNames || 'Unborn'} ${child.familyName}`.trim(),
    });
    await recordAudit(tx, context, { action: 'birth-confirmed', recordType: 'person', recordId: personId, childId: personId, details: { agenciesTold: told.length } });
  });
}

/** A new address closes the current one the day before it starts, so history is kept. */
export async function addAddress(
  db: Database,
  context: ActionContext,
  personId: string,
  input: { line1: string; line2: string | null; town: string; postcode: string; fromDate: string; socialHousing: boolean },
): Promise<void> {
  if (!mayRecordCaseWork(context.actor)) throw new ForbiddenError();
  const [person] = await db.select().from(people).where(eq(people.id, personId));
  if (!person) throw new NotFoundError('That person does not exist.');
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(addresses).where(and(eq(addresses.personId, personId), isNull(addresses.toDate)));
    if (current) {
      if (input.fromDate <= current.fromDate) throw new ValidationError([{ field: 'fromDate', message: `The new address must start after the current one (from ${current.fromDate})` }]);
      const dayBefore = Temporal.PlainDate.from(input.fromDate).subtract({ days: 1 }).toString();
      await tx.update(addresses).set({ toDate: dayBefore }).where(eq(addresses.id, current.id));
    }
    await tx.insert(addresses).values({ personId, ...input, postcode: input.postcode.toUpperCase() });
    await refreshMatchKeys(tx, [personId]);
    await recordAudit(tx, context, { action: 'address-added', recordType: 'person', recordId: personId, childId: person.kind === 'child' ? personId : null });
  });
}

/** Opens the census episode for a child (the case), with its allocations. */
export async function openCase(
  db: Database,
  context: ActionContext,
  input: { childId: string; openedOn: string; primaryNeedCode: string | null; socialWorkerId: string | null; teamManagerId: string | null; householdId: string | null },
): Promise<string> {
  if (!mayRecordCaseWork(context.actor) || !context.actor) throw new ForbiddenError();
  const actor = context.actor;
  // The child and whether a case is open, in one narrow read: every referral opens a case.
  const [child] = await db
    .select({ kind: people.kind, hasOpenCase: sql<boolean>`exists (select 1 from cases c where c.child_id = people.id and c.closed_on is null)` })
    .from(people).where(eq(people.id, input.childId));
  if (!child || child.kind !== 'child') throw new ValidationError([{ field: 'childId', message: 'Choose a child' }]);
  if (child.hasOpenCase) throw new ConflictError('This child already has an open case: close it before opening another.');
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(cases).values({ ...input, organisationId: actor.organisationId }).returning({ id: cases.id });
    if (!row) throw new Error('case insert returned nothing');
    await recordAudit(tx, context, { action: 'case-opened', recordType: 'case', recordId: row.id, childId: input.childId });
    return row.id;
  });
}
