import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents, caseAllocations, cases, childProtectionPlans, workerChangeRequests } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { childOnAPlan } from '../../../test/support/escalation-factory.js';
import { createOrganisation, createUser } from '../../../test/support/factories.js';
import { contextFor } from '../../../test/support/meeting-factory.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { queueForRole } from '../work-queues/queue-for-role.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.js';
import { answerWorkerChangeRequest, recordWorkerChangeRequest } from './worker-change.js';

const NOW = new Date('2026-03-10T10:00:00Z');

describeEachEngine('CO4: a family’s request for a change of worker', (engine) => {
  const suite = suiteDatabase(engine);

  async function setUp() {
    const db = suite.db();
    const orgId = (await createOrganisation(db)).id;
    const worker = await createUser(db, { roles: ['social-worker'], organisationId: orgId });
    const otherWorker = await createUser(db, { roles: ['social-worker'], organisationId: orgId });
    const newWorker = await createUser(db, { roles: ['social-worker'], organisationId: orgId });
    const manager = await createUser(db, { roles: ['team-manager'], organisationId: orgId });
    const otherManager = await createUser(db, { roles: ['team-manager'], organisationId: orgId });
    const f = await childOnAPlan(db, orgId);
    await db.update(cases).set({ socialWorkerId: worker.id, teamManagerId: manager.id }).where(eq(cases.id, f.case.id));
    await db.update(childProtectionPlans).set({ leadSocialWorkerId: worker.id }).where(eq(childProtectionPlans.id, f.plan.id));
    const as = (u: typeof worker) => contextFor(u, NOW);
    const queue = async (u: typeof manager) => (await queueForRole(db, as(u).actor!, 'team-manager', NOW, 'national'))['worker-changes'] ?? [];
    return { db, f, worker, otherWorker, newWorker, manager, otherManager, as, queue };
  }
  const request = { requestedBy: 'Beth Testington, mother', requestedOn: '2026-03-05', reasons: 'We do not get on with the worker.' };

  it('records the request, keeps it on the case’s team manager’s list until answered, and an agreed change moves the case and the plan', async () => {
    const { db, f, worker, otherWorker, newWorker, manager, otherManager, as, queue } = await setUp();
    await expect(recordWorkerChangeRequest(db, as(otherWorker), f.case.id, request)).rejects.toBeInstanceOf(ForbiddenError);
    // A service manager of another authority does not learn the child is known here.
    const elsewhere = await createUser(db, { roles: ['service-manager'], organisationId: (await createOrganisation(db, { kind: 'local-authority' })).id });
    await expect(recordWorkerChangeRequest(db, as(elsewhere), f.case.id, request)).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordWorkerChangeRequest(db, as(worker), f.case.id, { ...request, requestedOn: '2026-03-11' })).rejects.toMatchObject({ errors: [{ field: 'requestedOn' }] });
    const id = await recordWorkerChangeRequest(db, as(worker), f.case.id, request);
    expect((await queue(manager)).map((i) => i.href)).toEqual([`/cases/${f.case.id}/worker-change/${id}`]);
    expect(await queue(otherManager)).toEqual([]);

    const [row] = await db.select().from(workerChangeRequests).where(eq(workerChangeRequests.id, id));
    const answer = { decision: 'agreed', reasons: 'A fresh start serves Alpha; the new worker speaks the family’s language.', familyToldOn: '2026-03-09', newSocialWorkerId: newWorker.id, version: row!.version };
    await expect(answerWorkerChangeRequest(db, as(otherManager), id, answer)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(answerWorkerChangeRequest(db, as(worker), id, answer)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(answerWorkerChangeRequest(db, as(manager), id, { ...answer, newSocialWorkerId: null })).rejects.toMatchObject({ errors: [{ field: 'newSocialWorkerId' }] });
    await expect(answerWorkerChangeRequest(db, as(manager), id, { ...answer, newSocialWorkerId: manager.id })).rejects.toMatchObject({ errors: [{ field: 'newSocialWorkerId' }] });
    expect((await db.select().from(cases).where(eq(cases.id, f.case.id)))[0]?.socialWorkerId).toBe(worker.id);

    await answerWorkerChangeRequest(db, as(manager), id, answer);
    expect((await db.select().from(cases).where(eq(cases.id, f.case.id)))[0]).toMatchObject({ socialWorkerId: newWorker.id, teamManagerId: manager.id });
    expect((await db.select().from(childProtectionPlans).where(eq(childProtectionPlans.id, f.plan.id)))[0]?.leadSocialWorkerId).toBe(newWorker.id);
    const [history] = await db.select().from(caseAllocations).where(eq(caseAllocations.caseId, f.case.id));
    expect(history?.reason).toContain('The family asked for a change of social worker');
    expect((await db.select().from(workerChangeRequests).where(eq(workerChangeRequests.id, id)))[0]).toMatchObject({ decision: 'agreed', familyToldOn: '2026-03-09', newSocialWorkerId: newWorker.id, decidedBy: manager.id });
    const audits = (await db.select({ a: auditEvents.action }).from(auditEvents).where(eq(auditEvents.childId, f.child.id))).map((r) => r.a);
    expect(audits).toEqual(expect.arrayContaining(['worker-change-requested', 'worker-change-agreed', 'case-reallocated']));
    expect(await queue(manager)).toEqual([]);
    await expect(answerWorkerChangeRequest(db, as(manager), id, { ...answer, version: row!.version + 1 })).rejects.toBeInstanceOf(ConflictError);
  });

  it('a declined request keeps the worker, with the reasons and the day the family was told', async () => {
    const { db, f, worker, manager, as, queue } = await setUp();
    const id = await recordWorkerChangeRequest(db, as(manager), f.case.id, request);
    await expect(answerWorkerChangeRequest(db, as(manager), id, { decision: 'declined', reasons: '', familyToldOn: '2026-03-01', newSocialWorkerId: null, version: 1 }))
      .rejects.toMatchObject({ errors: [{ field: 'reasons' }, { field: 'familyToldOn' }] });
    await answerWorkerChangeRequest(db, as(manager), id, { decision: 'declined', reasons: 'Alpha trusts her worker; a change now would set back the plan.', familyToldOn: '2026-03-10', newSocialWorkerId: null, version: 1 });
    expect((await db.select().from(cases).where(eq(cases.id, f.case.id)))[0]?.socialWorkerId).toBe(worker.id);
    expect(await db.$count(caseAllocations, eq(caseAllocations.caseId, f.case.id))).toBe(0);
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'worker-change-declined'), eq(auditEvents.recordId, id)));
    expect(audit?.childId).toBe(f.child.id);
    expect(await queue(manager)).toEqual([]);
  });

  it('answers once, however many managers save at the same moment', async () => {
    const { db, f, worker, newWorker, manager, as } = await setUp();
    const id = await recordWorkerChangeRequest(db, as(worker), f.case.id, request);
    const answer = { decision: 'agreed', reasons: 'Agreed.', familyToldOn: '2026-03-10', newSocialWorkerId: newWorker.id, version: 1 };
    const results = await Promise.allSettled([answerWorkerChangeRequest(db, as(manager), id, answer), answerWorkerChangeRequest(db, as(manager), id, { ...answer, decision: 'declined', newSocialWorkerId: null })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.$count(auditEvents, and(eq(auditEvents.recordId, id), eq(auditEvents.recordType, 'worker-change-request')))).toBe(2);
  });
});
