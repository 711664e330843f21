import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/database.js';
import { childOnAPlan } from '../../../test/support/escalation-factory.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { contextFor } from '../../../test/support/meeting-factory.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import {
  addresses, assessments, cases, childInNeedPlans, conferenceChildren, conferences, emergencyResponsibility, householdMembers, people, referrals, relationships,
  section47Enquiries, strategyDiscussionChildren, strategyDiscussions, workerChangeRequests,
} from '../../db/schema/index.js';
import { emergencyStatus } from '../../domain/transfers/other-authority-children.js';
import { loadCaseView } from './case-view.js';
import { statementsOf } from '../../../test/support/statements.js';

const NOW = new Date('2026-03-10T10:00:00Z');

// Issue 16: the case page's lists in one statement, each as its own query (or join) returned it.
describeEachEngine('the case view in a few statements', (engine) => {
  const suite = suiteDatabase(engine);
  let f: Awaited<ReturnType<typeof childOnAPlan>>;
  let worker: Awaited<ReturnType<typeof createUser>>;
  let manager: Awaited<ReturnType<typeof createUser>>;
  let newWorker: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    const db = suite.db();
    const orgId = (await createOrganisation(db)).id;
    worker = await createUser(db, { roles: ['social-worker'], organisationId: orgId });
    manager = await createUser(db, { roles: ['team-manager'], organisationId: orgId });
    newWorker = await createUser(db, { roles: ['social-worker'], organisationId: orgId });
    f = await childOnAPlan(db, orgId);
    const other = await childOnAPlan(db, orgId);
    await db.update(cases).set({ socialWorkerId: worker.id, teamManagerId: manager.id }).where(eq(cases.id, f.case.id));
    const at = (iso: string) => new Date(iso);
    // The household: a mother, a baby brother of the same birthday as nobody, one who has left.
    const [mother, brother, gone] = await db.insert(people).values([
      { kind: 'adult', givenNames: 'Beth', familyName: 'Testington', dateOfBirth: '1990-02-02' },
      { kind: 'child', givenNames: 'Gamma', familyName: 'Testington', dateOfBirth: '2024-07-07' },
      { kind: 'adult', givenNames: 'Delta', familyName: 'Testington', dateOfBirth: '1988-03-03' },
    ]).returning();
    await db.insert(householdMembers).values([
      { householdId: f.household.id, personId: mother!.id, fromDate: '2019-05-01' },
      { householdId: f.household.id, personId: brother!.id, fromDate: '2024-07-07' },
      { householdId: f.household.id, personId: gone!.id, fromDate: '2019-05-01', toDate: '2025-12-01' },
    ]);
    await db.insert(relationships).values([
      { childId: f.child.id, personId: mother!.id, type: 'mother', parentalResponsibility: true },
      { childId: f.child.id, personId: brother!.id, type: 'sibling' },
      { childId: other.child.id, personId: mother!.id, type: 'other' },
    ]);
    await db.insert(addresses).values([
      { personId: f.child.id, line1: '1 Old Road', town: 'Testbury', postcode: 'TE1 1AA', fromDate: '2019-05-01', toDate: '2024-01-01' },
      { personId: f.child.id, line1: '2 New Road', town: 'Testbury', postcode: 'TE1 2BB', fromDate: '2024-01-01' },
    ]);
    await db.insert(referrals).values([
      { caseId: f.case.id, receivedAt: at('2025-10-01T08:30:00.123Z'), channel: 'telephone', sourceCode: '2A', natureOfConcerns: 'Bruising seen at school.', howConcernsArose: 'Teacher saw it.', decision: 'strategy-discussion' },
      { caseId: f.case.id, receivedAt: at('2026-03-09T16:00:00Z'), channel: 'email', sourceCode: '1A', natureOfConcerns: 'Missed nursery again.', howConcernsArose: 'Nursery rang.' },
      { caseId: other.case.id, receivedAt: at('2026-01-01T09:00:00Z'), channel: 'email', sourceCode: '1A', natureOfConcerns: 'Not this case.', howConcernsArose: 'x' },
    ]);
    await db.insert(assessments).values({ caseId: f.case.id, kind: 'initial', startedOn: '2025-10-02' });
    const [discussion] = await db.insert(strategyDiscussions).values({
      householdId: f.household.id, heldAt: at('2025-10-03T11:00:00Z'), participants: [], informationShared: 'Shared.', decisions: 'Begin.', basisForDecisions: 'Harm.', initiateSection47: true,
    }).returning();
    await db.insert(strategyDiscussionChildren).values({ strategyDiscussionId: discussion!.id, caseId: f.case.id });
    await db.insert(section47Enquiries).values({ caseId: f.case.id, strategyDiscussionId: discussion!.id, startedOn: '2025-10-03' });
    // A review being arranged for the child, and a conference where the child is another child of the household.
    const [review] = await db.insert(conferences).values({ householdId: f.household.id, kind: 'review', status: 'booked', pack: 'national', dueRuleId: 'TS5', dueFromDate: '2025-11-03', decisionToConveneOn: '2026-01-10' }).returning();
    const [sibling] = await db.insert(conferences).values({ householdId: f.household.id, kind: 'initial', status: 'held', pack: 'national', heldOn: '2024-08-01' }).returning();
    await db.insert(conferenceChildren).values([
      { conferenceId: review!.id, caseId: f.case.id, childId: f.child.id, role: 'subject', childType: 'review' },
      { conferenceId: sibling!.id, caseId: f.case.id, childId: f.child.id, role: 'household' },
    ]);
    await db.insert(childInNeedPlans).values([
      { caseId: f.case.id, childId: f.child.id, startDate: '2025-06-01', startedBy: 'recorded', endDate: '2025-11-03', endedBy: 'step-up', createdAt: at('2025-06-01T09:00:00Z') },
      { caseId: f.case.id, childId: f.child.id, startDate: '2024-09-01', startedBy: 'step-down', endDate: '2025-01-01', endedBy: 'recorded', createdAt: at('2024-09-01T09:00:00Z') },
    ]);
    await db.insert(workerChangeRequests).values([
      { caseId: f.case.id, childId: f.child.id, requestedBy: 'Beth, mother', requestedOn: '2026-02-01', reasons: 'We do not get on.', socialWorkerId: newWorker.id, recordedBy: worker.id, recordedAt: at('2026-02-01T10:00:00Z'), decision: 'agreed', decisionReasons: 'A fresh start.', familyToldOn: '2026-02-03', newSocialWorkerId: worker.id, decidedBy: manager.id, decidedAt: at('2026-02-02T10:00:00Z') },
      { caseId: f.case.id, childId: f.child.id, requestedBy: 'Beth, mother', requestedOn: '2026-03-01', reasons: 'Again.', socialWorkerId: worker.id, recordedBy: worker.id, recordedAt: at('2026-03-01T10:00:00Z') },
    ]);
    // More consultations than the page shows (20), newest first.
    await db.insert(emergencyResponsibility).values(Array.from({ length: 21 }, (_, i) => ({
      childId: f.child.id, responsibleAuthority: `Authority ${i}`, responsibleBecause: 'plan', emergencyAction: 'Police protection', foundOn: '2026-01-01', consultedOn: '2026-01-01',
      consultedName: 'Duty manager', status: i === 3 ? 'passed' : 'consulted', passedAt: i === 3 ? at('2026-01-05T10:00:00Z') : null, recordedAt: at(`2026-01-${String(i + 1).padStart(2, '0')}T10:00:00Z`),
    })));
  });

  it('shows each list as its own query showed it, in five statements where it took eighteen', async () => {
    const db = suite.db();
    const context = contextFor(worker, NOW);
    await loadCaseView(db, context, f.case.id, 'national'); // the working calendar, read once and kept
    const { result: view, statements } = await statementsOf(db, () => loadCaseView(db, context, f.case.id, 'national'));
    // The case with its child and staff, the lists, the access check, the audit row and, as this
    // case has requests for a change of worker, the names of the staff they name.
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(5);

    // Each list against the query the page ran for it before (issue 16).
    const [address] = await db.select().from(addresses).where(and(eq(addresses.personId, f.child.id), isNull(addresses.toDate)));
    expect(view.address).toEqual(address);
    const household = await db.select({ person: people, fromDate: householdMembers.fromDate }).from(householdMembers).innerJoin(people, eq(householdMembers.personId, people.id))
      .where(and(eq(householdMembers.householdId, f.household.id), isNull(householdMembers.toDate))).orderBy(asc(people.kind), asc(people.dateOfBirth));
    expect(view.household).toEqual(household.filter((h) => h.person.id !== f.child.id));
    expect(view.household.map((h) => h.person.givenNames)).toEqual(['Beth', 'Gamma']);
    const related = (await db.select({ r: relationships, person: people }).from(relationships).leftJoin(people, eq(people.id, relationships.personId)).where(eq(relationships.childId, f.child.id)))
      .map(({ r, person }) => ({ ...r, person: person ?? undefined }));
    expect(view.relationships).toEqual(related);
    expect(view.relationships.map((r) => r.person?.givenNames).sort()).toEqual(['Beth', 'Gamma']);
    expect(view.cinPlans).toEqual(await db.select().from(childInNeedPlans).where(eq(childInNeedPlans.caseId, f.case.id)).orderBy(asc(childInNeedPlans.startDate)));
    expect(view.openPlanId).toBe(f.plan.id);
    expect([view.socialWorker, view.teamManager]).toEqual([worker.displayName, manager.displayName]);

    const requests = await db.select().from(workerChangeRequests).where(eq(workerChangeRequests.caseId, f.case.id)).orderBy(desc(workerChangeRequests.requestedOn), desc(workerChangeRequests.recordedAt));
    expect(view.workerChanges.map((r) => Object.fromEntries(Object.keys(requests[0]!).map((k) => [k, r[k as keyof typeof r]])))).toEqual(requests);
    expect(view.workerChanges.map((r) => [r.socialWorker, r.newSocialWorker, r.decidedByName])).toEqual([[worker.displayName, null, null], [newWorker.displayName, worker.displayName, manager.displayName]]);
    const emergencies = await db.select().from(emergencyResponsibility).where(eq(emergencyResponsibility.childId, f.child.id)).orderBy(desc(emergencyResponsibility.recordedAt)).limit(20);
    expect(view.emergencies).toEqual(emergencies.map((e) => ({ ...e, status: emergencyStatus(e) })));
    expect(view.emergencies.map((e) => e.responsibleAuthority).slice(0, 2)).toEqual(['Authority 20', 'Authority 19']);
    expect(view.emergencies.find((e) => e.responsibleAuthority === 'Authority 3')?.status).toBe('passed');

    // The chronology and deadlines read every other list: referrals, assessments, discussions,
    // section 47 enquiries, conferences (with the child's role in each), plans and child in need plans.
    expect(view.chronology.map((c) => `${c.date} ${c.what}: ${c.detail}`)).toEqual([
      '2024-08-01 Initial child protection conference held: Considered as another child of the household.',
      '2024-09-01 Child in need plan started: Stepped down by a conference.',
      '2025-01-01 Child in need plan ended: Recorded by the social worker.',
      '2025-06-01 Child in need plan started: Recorded by the social worker.',
      '2025-10-01 Referral received: Bruising seen at school. Decision: strategy discussion.',
      '2025-10-02 Initial assessment started: null',
      '2025-10-03 Strategy discussion: Section 47 enquiries to begin.',
      '2025-10-03 Section 47 enquiry started: Outcome not yet recorded.',
      '2025-11-03 Initial child protection conference held: Subject child (initial).',
      '2025-11-03 Child protection plan started: Category: neglect.',
      '2025-11-03 Child in need plan ended: A child protection plan started.',
      '2026-01-10 Review child protection conference (booked): Subject child (review).',
      '2026-03-09 Referral received: Missed nursery again.',
    ]);
    expect(view.deadlines.map((d) => d.rule?.id).sort()).toEqual(['FD1', 'FD2', 'FD4', 'TS25', 'TS5']);
  });
});
