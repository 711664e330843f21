import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents, cases, section47Enquiries, strategyDiscussionChildren, strategyDiscussions } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { completeCoreAssessment } from './complete-core-assessment.js';
import { decideReferral } from './decide-referral.js';
import { endorseSection47Outcome } from './endorse-section-47-outcome.js';
import { contextFor, createFamily, discussionInput, referralInput, frontDoorStaff, type FrontDoorStaff } from '../../../test/support/front-door-fixtures.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { recordChildSeen } from './record-child-seen.js';
import { recordCirculation } from './record-circulation.js';
import { recordReferral } from './record-referral.js';
import { recordSection47Outcome } from './record-section-47-outcome.js';
import { recordStrategyDiscussion } from './record-strategy-discussion.js';
import { startSection47Enquiries } from './start-section-47.js';

const NOW = new Date('2026-03-06T12:00:00Z');

describeEachEngine('FD3 to FD5 actions: strategy discussion, section 47 and its outcome', (engine) => {
  const suite = suiteDatabase(engine);
  let { db, orgId, worker, manager } = {} as FrontDoorStaff;
  beforeAll(async () => ({ db, orgId, worker, manager } = await frontDoorStaff(suite.db())));
  const sw = () => contextFor(worker, NOW);
  const tm = () => contextFor(manager, NOW);

  async function referredFamily(name: string, givenNames: string[]) {
    const family = await createFamily(db, orgId, name, givenNames.map((g) => ({ givenNames: g })));
    for (const c of family.children) {
      const id = await recordReferral(db, sw(), c.caseId, referralInput());
      await decideReferral(db, sw(), id, { decision: 'strategy-discussion', reasons: 'Possible harm', decidedDate: '2026-03-02', decidedTime: '14:00' });
    }
    return family;
  }

  it('FD3: records a discussion about two children, audited for each, and its circulation once', async () => {
    const family = await referredFamily('Testington', ['Alpha', 'Bravo']);
    const caseIds = family.children.map((c) => c.caseId);
    const id = await recordStrategyDiscussion(db, sw(), family.householdId, discussionInput(caseIds));
    const [row] = await db.select().from(strategyDiscussions).where(eq(strategyDiscussions.id, id));
    expect(row?.heldAt.toISOString()).toBe('2026-03-03T10:00:00.000Z');
    expect(row?.participants.map((p) => p.agency)).toEqual(['childrens-social-care', 'police', 'health']);
    expect((await db.select().from(strategyDiscussionChildren).where(eq(strategyDiscussionChildren.strategyDiscussionId, id))).map((r) => r.caseId).sort())
      .toEqual([...caseIds].sort());
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.recordId, id));
    expect(audit.map((a) => a.childId).sort()).toEqual(family.children.map((c) => c.childId).sort());
    await recordCirculation(db, sw(), id, { circulatedDate: '2026-03-04', circulatedTime: '09:00' });
    await expect(recordCirculation(db, sw(), id, { circulatedDate: '2026-03-04', circulatedTime: '10:00' })).rejects.toThrow(ConflictError);
  });

  it('FD3: refuses a discussion without children’s social care or with the urgent flag but no time of concern', async () => {
    const family = await referredFamily('Sampleford', ['Charlie']);
    const caseIds = family.children.map((c) => c.caseId);
    const noCsc = await recordStrategyDiscussion(db, sw(), family.householdId, discussionInput(caseIds, { participants: [{ agency: 'police', name: 'DC', role: '' }] }))
      .catch((e: unknown) => e);
    expect((noCsc as ValidationError).errors.map((e) => e.field)).toEqual(['participants']);
    const urgent = await recordStrategyDiscussion(db, sw(), family.householdId, discussionInput(caseIds, { physicalAbuseOrSeriousNeglect: true }))
      .catch((e: unknown) => e);
    expect((urgent as ValidationError).errors.map((e) => e.field)).toEqual(['concernDate']);
    expect(await db.select().from(strategyDiscussions).where(eq(strategyDiscussions.householdId, family.householdId))).toHaveLength(0);
  });

  it('FD4: starts one enquiry per child dated from the discussion, one open at a time', async () => {
    const family = await referredFamily('Placeholder', ['Delta', 'Echo']);
    const caseIds = family.children.map((c) => c.caseId);
    const first = await recordStrategyDiscussion(db, sw(), family.householdId, discussionInput(caseIds));
    const ids = await startSection47Enquiries(db, sw(), first, caseIds);
    expect(ids).toHaveLength(2);
    const rows = await db.select().from(section47Enquiries).where(eq(section47Enquiries.strategyDiscussionId, first));
    expect(rows.map((r) => r.startedOn)).toEqual(['2026-03-03', '2026-03-03']);
    const second = await recordStrategyDiscussion(db, sw(), family.householdId, discussionInput(caseIds, { heldDate: '2026-03-05' }));
    const refused = await startSection47Enquiries(db, sw(), second, [caseIds[0]!]).catch((e: unknown) => e);
    expect((refused as ValidationError).errors[0]?.message).toMatch(/already has an open section 47 enquiry/);
  });

  it('FD4: an enquiry never starts before the referral, nor from a discussion that did not decide on one', async () => {
    const family = await createFamily(db, orgId, 'Fictionale', [{ givenNames: 'Golf' }]);
    const caseId = family.children[0]!.caseId;
    await recordReferral(db, sw(), caseId, referralInput({ receivedDate: '2026-03-04' }));
    const early = await recordStrategyDiscussion(db, sw(), family.householdId, discussionInput([caseId]));
    expect(((await startSection47Enquiries(db, sw(), early, [caseId]).catch((e: unknown) => e)) as ValidationError).errors[0]?.message)
      .toMatch(/cannot start before the referral/);
    const noS47 = await recordStrategyDiscussion(db, sw(), family.householdId, discussionInput([caseId], { heldDate: '2026-03-05', initiateSection47: false }));
    expect(((await startSection47Enquiries(db, sw(), noS47, [caseId]).catch((e: unknown) => e)) as ValidationError).errors[0]?.message)
      .toMatch(/did not decide/);
  });

  it('census C12: an enquiry is not started on a case that closed before the discussion, and the refusal names the check', async () => {
    const family = await referredFamily('Shutwell', ['Juliet']);
    const caseId = family.children[0]!.caseId;
    const discussion = await recordStrategyDiscussion(db, sw(), family.householdId, discussionInput([caseId]));
    await db.update(cases).set({ closedOn: '2026-03-02', closureReason: 'RC7' }).where(eq(cases.id, caseId));
    const refused = await startSection47Enquiries(db, sw(), discussion, [caseId]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).errors[0]).toMatchObject({ field: 'caseIds', message: expect.stringContaining('after the case closed on 2 March 2026') });
    expect((refused as ValidationError).errors[0]?.message).toContain('Census check C12');
    expect(await db.select().from(section47Enquiries).where(eq(section47Enquiries.caseId, caseId))).toEqual([]);
  });

  it('FD4: records when the child was seen, alone or with who and why, and the core assessment', async () => {
    const family = await referredFamily('Mockworth', ['Hotel']);
    const caseId = family.children[0]!.caseId;
    const discussion = await recordStrategyDiscussion(db, sw(), family.householdId, discussionInput([caseId]));
    const [enquiryId] = await startSection47Enquiries(db, sw(), discussion, [caseId]);
    await recordChildSeen(db, sw(), enquiryId!, { date: '2026-03-04', seenAlone: true });
    const notAlone = await recordChildSeen(db, sw(), enquiryId!, { date: '2026-03-05', seenAlone: false }).catch((e: unknown) => e);
    expect((notAlone as ValidationError).errors.map((e) => e.field)).toEqual(['whoWasPresent', 'whyNotAlone']);
    await recordChildSeen(db, sw(), enquiryId!, { date: '2026-03-05', seenAlone: false, whoWasPresent: 'Mother', whyNotAlone: 'Child asked for her mother' });
    await completeCoreAssessment(db, sw(), enquiryId!, { completedOn: '2026-03-06' });
    const [row] = await db.select().from(section47Enquiries).where(eq(section47Enquiries.id, enquiryId!));
    expect(row?.childSeen).toEqual([
      { date: '2026-03-04', seenAlone: true },
      { date: '2026-03-05', seenAlone: false, whoWasPresent: 'Mother', whyNotAlone: 'Child asked for her mother' },
    ]);
    expect(row?.coreAssessmentCompletedOn).toBe('2026-03-06');
  });

  it('FD5: records each outcome once; continuing risk cannot be “conference not required”; no continuing risk is endorsed by a manager', async () => {
    const family = await referredFamily('Dummington', ['India', 'Juliet']);
    const caseIds = family.children.map((c) => c.caseId);
    const discussion = await recordStrategyDiscussion(db, sw(), family.householdId, discussionInput(caseIds));
    const [a, b] = await startSection47Enquiries(db, sw(), discussion, caseIds);
    const wrong = await recordSection47Outcome(db, sw(), a!, { outcome: 'continuing-risk', reasons: 'x', icpcNotRequired: true }).catch((e: unknown) => e);
    expect((wrong as ValidationError).errors[0]?.field).toBe('icpcNotRequired');
    await recordSection47Outcome(db, sw(), a!, { outcome: 'continuing-risk', reasons: 'Injuries unexplained', icpcNotRequired: false });
    await expect(recordSection47Outcome(db, sw(), a!, { outcome: 'not-substantiated', reasons: 'x', icpcNotRequired: true })).rejects.toThrow(ValidationError);
    await expect(endorseSection47Outcome(db, tm(), a!)).rejects.toThrow(/Only a decision/);

    await recordSection47Outcome(db, sw(), b!, { outcome: 'no-continuing-risk', reasons: 'Abuser left the home', icpcNotRequired: true });
    await expect(endorseSection47Outcome(db, sw(), b!)).rejects.toThrow(ForbiddenError);
    await endorseSection47Outcome(db, tm(), b!);
    await expect(endorseSection47Outcome(db, tm(), b!)).rejects.toThrow(/already been endorsed/);
    const [row] = await db.select().from(section47Enquiries).where(eq(section47Enquiries.id, b!));
    expect(row).toMatchObject({ outcome: 'no-continuing-risk', icpcNotRequired: true, endorsedBy: manager.id });
  });
});
