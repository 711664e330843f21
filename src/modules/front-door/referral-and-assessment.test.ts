import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessments, auditEvents, cases, referrals } from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/factories.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { authoriseAssessment } from './authorise-assessment.js';
import { completeAssessment } from './complete-assessment.js';
import { decideReferral } from './decide-referral.js';
import { createFamily, contextFor, referralInput, frontDoorStaff, type FrontDoorStaff } from '../../../test/support/front-door-fixtures.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { recordReferral } from './record-referral.js';
import { recordReferralFollowUp } from './record-referral-follow-up.js';
import { recordStrategyDiscussion } from './record-strategy-discussion.js';
import { startAssessment } from './start-assessment.js';

const NOW = new Date('2026-03-04T12:00:00Z');


describeEachEngine('FD1 and FD2 actions: referral and initial assessment', (engine) => {
  const suite = suiteDatabase(engine);
  let { db, orgId, worker, manager } = {} as FrontDoorStaff;
  beforeAll(async () => ({ db, orgId, worker, manager } = await frontDoorStaff(suite.db())));

  const sw = () => contextFor(worker, NOW);
  const tm = () => contextFor(manager, NOW);

  describe('FD1 referral', () => {
    it('records a referral, its decision and the written confirmation, each audited with the child', async () => {
      const family = await createFamily(db, orgId, 'Testington', [{ givenNames: 'Alpha' }]);
      const child = family.children[0]!;
      const id = await recordReferral(db, sw(), child.caseId, referralInput());
      await decideReferral(db, sw(), id, { decision: 'strategy-discussion', reasons: 'Possible significant harm', decidedDate: '2026-03-02', decidedTime: '15:00' });
      await recordReferralFollowUp(db, sw(), id, { date: '2026-03-03', time: '10:00' });
      const [row] = await db.select().from(referrals).where(eq(referrals.id, id));
      expect(row?.decision).toBe('strategy-discussion');
      expect(row?.referrerIsProfessional).toBe(true);
      expect(row?.confirmedInWritingAt?.toISOString()).toBe('2026-03-03T10:00:00.000Z');
      expect(row?.acknowledgedAt).toBeNull();
      const audit = await db.select().from(auditEvents).where(eq(auditEvents.recordId, id));
      expect(audit.map((a) => a.action).sort()).toEqual(['referral-confirmed-in-writing', 'referral-decided', 'referral-recorded']);
      expect(audit.every((a) => a.childId === child.childId)).toBe(true);
      await expect(recordReferralFollowUp(db, sw(), id, { date: '2026-03-03', time: '11:00' })).rejects.toThrow(ConflictError);
      await expect(decideReferral(db, sw(), id, { decision: 'early-help', reasons: 'x', decidedDate: '2026-03-03', decidedTime: '09:00' })).rejects.toThrow(ConflictError);
    });

    it('refuses an anonymous referral by a professional, with a message, and writes nothing', async () => {
      const family = await createFamily(db, orgId, 'Sampleford', [{ givenNames: 'Bravo' }]);
      const error = await recordReferral(db, sw(), family.children[0]!.caseId, referralInput({ anonymous: true, sourceCode: '9' })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors).toContainEqual({ field: 'anonymous', message: expect.stringMatching(/professional cannot refer anonymously/) });
      expect(await db.select().from(referrals).where(eq(referrals.caseId, family.children[0]!.caseId))).toHaveLength(0);
    });

    it('keeps one referral per episode and refuses a date in the future', async () => {
      const family = await createFamily(db, orgId, 'Placeholder', [{ givenNames: 'Charlie' }]);
      const caseId = family.children[0]!.caseId;
      await expect(recordReferral(db, sw(), caseId, referralInput({ receivedDate: '2026-03-05' }))).rejects.toThrow(ValidationError);
      await recordReferral(db, sw(), caseId, referralInput());
      await expect(recordReferral(db, sw(), caseId, referralInput())).rejects.toThrow(/already has its referral/);
    });

    it('lets only case workers record a referral', async () => {
      const family = await createFamily(db, orgId, 'Fictionale', [{ givenNames: 'Delta' }]);
      const chair = await createUser(db, { roles: ['chair'], organisationId: orgId });
      await expect(recordReferral(db, contextFor(chair, NOW), family.children[0]!.caseId, referralInput())).rejects.toThrow(ForbiddenError);
    });
  });

  describe('FD1 no further action closes the episode (ReferralNFA)', () => {
    it('refuses an assessment and a strategy discussion after a no-further-action referral', async () => {
      const family = await createFamily(db, orgId, 'Mockworth', [{ givenNames: 'Echo' }]);
      const child = family.children[0]!;
      const id = await recordReferral(db, sw(), child.caseId, referralInput({ channel: 'written' }));
      await decideReferral(db, sw(), id, { decision: 'no-further-action', reasons: 'Concern explained; advice given', decidedDate: '2026-03-02', decidedTime: '16:00' });
      await expect(startAssessment(db, sw(), child.caseId, { startedOn: '2026-03-03' })).rejects.toThrow(/closed with no further action, so no assessment/);
      const discussion = recordStrategyDiscussion(db, sw(), family.householdId, {
        heldDate: '2026-03-03', heldTime: '10:00', caseIds: [child.caseId],
        participants: [{ agency: 'childrens-social-care', name: 'S Worker', role: 'Social worker' }],
        informationShared: 'x', decisions: 'x', basisForDecisions: 'x', initiateSection47: true, immediateSafetyActions: 'None',
        sharedWithFamily: 'x', legalAction: 'None', physicalAbuseOrSeriousNeglect: false,
      });
      await expect(discussion).rejects.toThrow(/no strategy discussion can be recorded/);
      expect(await db.select().from(assessments).where(eq(assessments.caseId, child.caseId))).toHaveLength(0);
    });

    it('cannot close a referral with no further action once work is recorded', async () => {
      const family = await createFamily(db, orgId, 'Dummington', [{ givenNames: 'Foxtrot' }]);
      const caseId = family.children[0]!.caseId;
      const id = await recordReferral(db, sw(), caseId, referralInput());
      await startAssessment(db, sw(), caseId, { startedOn: '2026-03-02' });
      await expect(decideReferral(db, sw(), id, { decision: 'no-further-action', reasons: 'x', decidedDate: '2026-03-03', decidedTime: '09:00' }))
        .rejects.toThrow(ValidationError);
    });
  });

  describe('FD2 initial assessment', () => {
    it('census C12: an assessment dated after the case closed is refused on its date, naming the check; one on the closing day is kept', async () => {
      const family = await createFamily(db, orgId, 'Closedworth', [{ givenNames: 'Hotel' }]);
      const child = family.children[0]!;
      await recordReferral(db, sw(), child.caseId, referralInput());
      await db.update(cases).set({ closedOn: '2026-03-03', closureReason: 'RC7' }).where(eq(cases.id, child.caseId));
      const refused = await startAssessment(db, sw(), child.caseId, { startedOn: '2026-03-04' }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ValidationError);
      expect((refused as ValidationError).errors).toEqual([{ field: 'startedOn', message: expect.stringContaining('after the case closed on 3 March 2026') }]);
      expect((refused as ValidationError).errors[0]?.message).toContain('Census check C12');
      expect(await db.select().from(assessments).where(eq(assessments.caseId, child.caseId))).toEqual([]);
      const kept = await startAssessment(db, sw(), child.caseId, { startedOn: '2026-03-03' });
      // Authorised today (4 March), a day after the case closed: refused too.
      await completeAssessment(db, sw(), kept, { completedOn: '2026-03-03', discussedWithChildAndFamily: true, summary: 'Closed episode (synthetic).' });
      await expect(authoriseAssessment(db, tm(), kept)).rejects.toThrow(/The authorisation is dated 4 March 2026, after the case closed on 3 March 2026.*Census check C12/);
    });

    it('is complete once discussed with the child and family and authorised by a team manager', async () => {
      const family = await createFamily(db, orgId, 'Specimenson', [{ givenNames: 'Golf' }]);
      const child = family.children[0]!;
      await recordReferral(db, sw(), child.caseId, referralInput());
      await expect(startAssessment(db, sw(), child.caseId, { startedOn: '2026-03-01' })).rejects.toThrow(/before the referral/);
      const id = await startAssessment(db, sw(), child.caseId, { startedOn: '2026-03-02' });
      await expect(startAssessment(db, sw(), child.caseId, { startedOn: '2026-03-02' })).rejects.toThrow(/already has an initial assessment/);
      await expect(authoriseAssessment(db, tm(), id)).rejects.toThrow(/must be completed/);
      const notDiscussed = await completeAssessment(db, sw(), id, { completedOn: '2026-03-03', discussedWithChildAndFamily: false, summary: '' }).catch((e: unknown) => e);
      expect((notDiscussed as ValidationError).errors[0]?.field).toBe('discussedWithChildAndFamily');
      await completeAssessment(db, sw(), id, { completedOn: '2026-03-03', discussedWithChildAndFamily: true, summary: 'Child in need (synthetic).' });
      await expect(authoriseAssessment(db, sw(), id)).rejects.toThrow(ForbiddenError);
      await authoriseAssessment(db, tm(), id);
      const [row] = await db.select().from(assessments).where(eq(assessments.id, id));
      expect(row).toMatchObject({ completedOn: '2026-03-03', discussedWithChildAndFamily: true, authorisedBy: manager.id, authorisedOn: '2026-03-04' });
      const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.recordId, id), eq(auditEvents.childId, child.childId)));
      expect(audit.map((a) => a.action).sort()).toEqual(['assessment-authorised', 'assessment-completed', 'assessment-started']);
    });
  });
});
