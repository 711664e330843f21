import { and, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  agencyConferenceRequests, auditEvents, childProtectionPlans, conferenceChildren, conferences, conferenceStatusHistory, section47Enquiries,
} from '../../db/schema/index.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { createUser } from '../../../test/support/factories.js';
import { workingCalendar } from '../calendar/calendar-store.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { addChildToReview } from './add-child-to-review.js';
import { authoriseDecisionToConvene } from './authorise-decision-to-convene.js';
import { decideAgencyRequest } from './decide-agency-request.js';
import { decideReferral } from './decide-referral.js';
import { decideToConvene } from './decide-to-convene.js';
import { declineDecisionToConvene } from './decline-decision-to-convene.js';
import { contextFor, createFamily, discussionInput, referralInput, type FixtureChild, frontDoorStaff, type FrontDoorStaff, type FrontDoorUser } from '../../../test/support/front-door-fixtures.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { recordAgencyRequest } from './record-agency-request.js';
import { recordReferral } from './record-referral.js';
import { recordSection47Outcome } from './record-section-47-outcome.js';
import { recordStrategyDiscussion } from './record-strategy-discussion.js';
import { startSection47Enquiries } from './start-section-47.js';

const NOW = new Date('2026-03-09T12:00:00Z');
const harm = (caseId: string) => ({ caseId, role: 'subject' as const, likelyHarm: 'Physical injury', harmFrom: 'Mother’s partner' });

describeEachEngine('FD5, CV1–CV3, CV5, UB1: deciding to convene and its authorisation', (engine) => {
  const suite = suiteDatabase(engine);
  let { db, orgId, worker, manager } = {} as FrontDoorStaff;
  beforeAll(async () => ({ db, orgId, worker, manager } = await frontDoorStaff(suite.db())));
  let otherManager: FrontDoorUser;
  beforeAll(async () => {
    otherManager = await createUser(db, { roles: ['team-manager'], organisationId: orgId });
  });
  const sw = () => contextFor(worker, NOW);
  const tm = () => contextFor(manager, NOW);

  /** A family whose listed children went through referral, a strategy discussion on 3 March and section 47 with these outcomes. */
  async function familyAtOutcome(name: string, children: (FixtureChild & { outcome?: 'continuing-risk' | 'no-continuing-risk' | 'not-substantiated' | null })[]) {
    const family = await createFamily(db, orgId, name, children);
    const enquired = family.children.filter((_, i) => children[i]!.outcome !== undefined);
    for (const c of enquired) {
      const id = await recordReferral(db, sw(), c.caseId, referralInput());
      await decideReferral(db, sw(), id, { decision: 'strategy-discussion', reasons: 'Possible harm', decidedDate: '2026-03-02', decidedTime: '14:00' });
    }
    const discussion = await recordStrategyDiscussion(db, sw(), family.householdId, discussionInput(enquired.map((c) => c.caseId)));
    const enquiries = await startSection47Enquiries(db, sw(), discussion, enquired.map((c) => c.caseId));
    for (const [i, c] of enquired.entries()) {
      const outcome = children[family.children.indexOf(c)]!.outcome;
      if (outcome) await recordSection47Outcome(db, sw(), enquiries[i]!, { outcome, reasons: 'Synthetic reasons', icpcNotRequired: outcome !== 'continuing-risk' });
    }
    return { ...family, enquiries };
  }

  it('FD5/CV1/CV2: convenes an initial conference for the subjects, lists the other children, due 15 working days after the discussion (TS1)', async () => {
    const family = await familyAtOutcome('Testington', [{ givenNames: 'Alpha', outcome: 'continuing-risk' }, { givenNames: 'Bravo' }]);
    const [alpha, bravo] = family.children;
    const id = await decideToConvene(db, sw(), family.householdId, 'national', { kind: 'initial', decisionDate: '2026-03-09', choices: [harm(alpha!.caseId)] });
    const [conference] = await db.select().from(conferences).where(eq(conferences.id, id));
    const expected = (await workingCalendar(db)).addWorkingDays(Temporal.PlainDate.from('2026-03-03'), 15).toString();
    expect(conference).toMatchObject({
      status: 'awaiting-authorisation', kind: 'initial', pack: 'national', decisionToConveneOn: '2026-03-09',
      dueDate: expected, dueRuleId: 'TS1', dueFromFact: 'strategy discussion', dueFromDate: '2026-03-03', requestedBy: worker.id,
    });
    const links = await db.select().from(conferenceChildren).where(eq(conferenceChildren.conferenceId, id));
    expect(links.find((l) => l.caseId === alpha!.caseId)).toMatchObject({ role: 'subject', childType: 'initial', likelyHarm: 'Physical injury', harmFrom: 'Mother’s partner' });
    expect(links.find((l) => l.caseId === bravo!.caseId)).toMatchObject({ role: 'household', childType: null, likelyHarm: null });
    const history = await db.select().from(conferenceStatusHistory).where(eq(conferenceStatusHistory.conferenceId, id));
    expect(history).toMatchObject([{ fromStatus: null, toStatus: 'awaiting-authorisation' }]);
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.recordId, id), eq(auditEvents.action, 'conference-convened')));
    expect(audit.map((a) => a.childId).sort()).toEqual([alpha!.childId, bravo!.childId].sort());
  });

  it('FD5: requires the likely harm and from whom for each subject, and writes nothing otherwise', async () => {
    const family = await familyAtOutcome('Sampleford', [{ givenNames: 'Charlie', outcome: 'continuing-risk' }]);
    const caseId = family.children[0]!.caseId;
    const error = await decideToConvene(db, sw(), family.householdId, 'national', { kind: 'initial', decisionDate: '2026-03-09', choices: [{ caseId, role: 'subject' }] })
      .catch((e: unknown) => e);
    expect((error as ValidationError).errors.map((e) => e.field)).toEqual([`harm-${caseId}`, `harmFrom-${caseId}`]);
    expect(await db.select().from(conferences).where(eq(conferences.householdId, family.householdId))).toHaveLength(0);
  });

  it('FD5: refuses a subject whose enquiry found no continuing risk, until an agency’s request is agreed with reasons', async () => {
    const family = await familyAtOutcome('Placeholder', [{ givenNames: 'Delta', outcome: 'no-continuing-risk' }]);
    const caseId = family.children[0]!.caseId;
    const input = { kind: 'initial' as const, decisionDate: '2026-03-09', choices: [harm(caseId)] };
    await expect(decideToConvene(db, sw(), family.householdId, 'national', input)).rejects.toThrow(/did not find a continuing risk/);
    const requestId = await recordAgencyRequest(db, sw(), caseId, {
      professionalName: 'Dr Example', professionalRole: 'Designated doctor', reasons: 'Worried the child is not safe', receivedDate: '2026-03-09',
    });
    await expect(decideAgencyRequest(db, sw(), requestId, { decision: 'agreed', reasons: 'x', version: 1 })).rejects.toThrow(ForbiddenError);
    const { householdId } = await decideAgencyRequest(db, tm(), requestId, { decision: 'agreed', reasons: 'Designated professional’s concern is well founded', version: 1 });
    expect(householdId).toBe(family.householdId);
    await expect(decideAgencyRequest(db, tm(), requestId, { decision: 'declined', reasons: 'x', version: 2 })).rejects.toThrow(/already been agreed/);
    const id = await decideToConvene(db, sw(), family.householdId, 'national', input);
    const [request] = await db.select().from(agencyConferenceRequests).where(eq(agencyConferenceRequests.id, requestId));
    expect(request?.conferenceId).toBe(id);
    // The enquiry now ends in a conference: the census "ICPC not required" no longer holds.
    expect((await db.select().from(section47Enquiries).where(eq(section47Enquiries.caseId, caseId)))[0]?.icpcNotRequired).toBe(false);
  });

  it('UB1: a pre-birth conference for an unborn child, due by the earlier of 24 weeks of pregnancy (TS3) and TS1', async () => {
    const family = await familyAtOutcome('Exemplar', [{ givenNames: '', dateOfBirth: null, expectedDeliveryDate: '2026-06-30', outcome: 'continuing-risk' }]);
    const caseId = family.children[0]!.caseId;
    await expect(decideToConvene(db, sw(), family.householdId, 'hertfordshire', { kind: 'initial', decisionDate: '2026-03-09', choices: [harm(caseId)] }))
      .rejects.toThrow(/not born yet: choose a pre-birth conference/);
    const id = await decideToConvene(db, sw(), family.householdId, 'hertfordshire', { kind: 'pre-birth', decisionDate: '2026-03-09', choices: [harm(caseId)] });
    const [conference] = await db.select().from(conferences).where(eq(conferences.id, id));
    // 24 weeks of pregnancy = EDD − 16 weeks = 2026-03-10, earlier than 15 working days after 3 March.
    expect(conference).toMatchObject({ kind: 'pre-birth', dueDate: '2026-03-10', dueRuleId: 'TS3', dueFromDate: '2026-06-30' });
  });

  it('CV5: a looked-after subject brings the case’s independent reviewing officer', async () => {
    const iro = await createUser(db, { roles: ['chair'], organisationId: orgId });
    const family = await familyAtOutcome('Mockworth', [{ givenNames: 'Echo', lookedAfter: true, iroId: iro.id, outcome: 'continuing-risk' }]);
    const id = await decideToConvene(db, sw(), family.householdId, 'national', { kind: 'initial', decisionDate: '2026-03-09', choices: [harm(family.children[0]!.caseId)] });
    expect((await db.select().from(conferences).where(eq(conferences.id, id)))[0]?.iroId).toBe(iro.id);
  });

  it('refuses to convene twice for the same child while the first conference is pending', async () => {
    const family = await familyAtOutcome('Dummington', [{ givenNames: 'Foxtrot', outcome: 'continuing-risk' }]);
    const input = { kind: 'initial' as const, decisionDate: '2026-03-09', choices: [harm(family.children[0]!.caseId)] };
    await decideToConvene(db, sw(), family.householdId, 'national', input);
    await expect(decideToConvene(db, sw(), family.householdId, 'national', input)).rejects.toThrow(/already being arranged for Foxtrot Dummington/);
    expect(await db.select().from(conferences).where(eq(conferences.householdId, family.householdId))).toHaveLength(1);
  });

  describe('team manager authorisation', () => {
    async function pending(name: string) {
      const family = await familyAtOutcome(name, [{ givenNames: 'Golf', outcome: 'continuing-risk' }]);
      return decideToConvene(db, sw(), family.householdId, 'national', { kind: 'initial', decisionDate: '2026-03-09', choices: [harm(family.children[0]!.caseId)] });
    }

    it('authorises through the transitions table: requested, with history and audit; a second submit is refused and writes nothing', async () => {
      const id = await pending('Specimenson');
      await expect(authoriseDecisionToConvene(db, sw(), id, 1)).rejects.toThrow(ForbiddenError);
      await authoriseDecisionToConvene(db, tm(), id, 1);
      const [conference] = await db.select().from(conferences).where(eq(conferences.id, id));
      expect(conference).toMatchObject({ status: 'requested', authorisedBy: manager.id, version: 2 });
      await expect(authoriseDecisionToConvene(db, tm(), id, 1)).rejects.toThrow(/already been authorised/);
      await expect(authoriseDecisionToConvene(db, contextFor(otherManager, NOW), id, 2)).rejects.toThrow(ConflictError);
      const history = await db.select().from(conferenceStatusHistory).where(eq(conferenceStatusHistory.conferenceId, id));
      expect(history.filter((h) => h.event === 'authorise')).toHaveLength(1);
      expect(await db.select().from(auditEvents).where(and(eq(auditEvents.recordId, id), eq(auditEvents.action, 'conference-authorised')))).toHaveLength(1);
    });

    it('refuses a stale version and a manager authorising their own decision', async () => {
      const id = await pending('Prototyp');
      await expect(authoriseDecisionToConvene(db, tm(), id, 7)).rejects.toThrow(/changed while you were looking/);
      const family = await familyAtOutcome('Samplewood', [{ givenNames: 'Hotel', outcome: 'continuing-risk' }]);
      const mine = await decideToConvene(db, tm(), family.householdId, 'national', { kind: 'initial', decisionDate: '2026-03-09', choices: [harm(family.children[0]!.caseId)] });
      await expect(authoriseDecisionToConvene(db, tm(), mine, 1)).rejects.toThrow(/another manager must authorise/);
      await authoriseDecisionToConvene(db, contextFor(otherManager, NOW), mine, 1);
    });

    it('declines with reasons: cancelled via the transitions table, and cannot then be authorised', async () => {
      const id = await pending('Fixtureson');
      await declineDecisionToConvene(db, tm(), id, 1, 'Threshold not met on the evidence');
      const [conference] = await db.select().from(conferences).where(eq(conferences.id, id));
      expect(conference?.status).toBe('cancelled');
      const history = await db.select().from(conferenceStatusHistory).where(eq(conferenceStatusHistory.conferenceId, id));
      expect(history.find((h) => h.event === 'cancel')).toMatchObject({ fromStatus: 'awaiting-authorisation', toStatus: 'cancelled', reason: 'Threshold not met on the evidence' });
      await expect(authoriseDecisionToConvene(db, tm(), id, 2)).rejects.toThrow(/already been declined/);
    });
  });

  describe('CV3: a new child at the siblings’ review', () => {
    async function reviewFor(householdId: string, siblings: { caseId: string; childId: string }[]) {
      const [conference] = await db.insert(conferences).values({ householdId, kind: 'review', status: 'requested', pack: 'national' }).returning();
      for (const s of siblings) {
        await db.insert(conferenceChildren).values({ conferenceId: conference!.id, caseId: s.caseId, childId: s.childId, role: 'subject', childType: 'review' });
        await db.insert(childProtectionPlans).values({ caseId: s.caseId, childId: s.childId, startDate: '2025-12-01' });
      }
      return conference!.id;
    }

    it('refuses a new baby without their own strategy discussion and section 47: a new ICPC is needed', async () => {
      const family = await createFamily(db, orgId, 'Sibling', [{ givenNames: 'Kilo' }, { givenNames: '', dateOfBirth: null, expectedDeliveryDate: '2026-08-01' }]);
      const [sibling, baby] = family.children;
      const review = await reviewFor(family.householdId, [sibling!]);
      const error = await addChildToReview(db, sw(), review, { caseId: baby!.caseId, likelyHarm: 'Neglect', harmFrom: 'Parents' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors[0]?.message).toMatch(/a new initial child protection conference is needed/);
      expect((await db.select().from(conferenceChildren).where(eq(conferenceChildren.conferenceId, review))).map((c) => c.caseId)).toEqual([sibling!.caseId]);
    });

    it('adds a child with their own strategy discussion and section 47 as the initial subject of the review', async () => {
      const family = await familyAtOutcome('Newbaby', [{ givenNames: 'Lima' }, { givenNames: 'Mike', outcome: 'continuing-risk' }]);
      const [sibling, newcomer] = family.children;
      const review = await reviewFor(family.householdId, [sibling!]);
      await addChildToReview(db, sw(), review, { caseId: newcomer!.caseId, likelyHarm: 'Emotional harm', harmFrom: 'Father' });
      const links = await db.select().from(conferenceChildren).where(eq(conferenceChildren.conferenceId, review));
      expect(links.find((l) => l.caseId === newcomer!.caseId)).toMatchObject({ role: 'subject', childType: 'initial', likelyHarm: 'Emotional harm' });
      expect(links.find((l) => l.caseId === sibling!.caseId)).toMatchObject({ childType: 'review' });
      await expect(addChildToReview(db, sw(), review, { caseId: newcomer!.caseId, likelyHarm: 'x', harmFrom: 'y' })).rejects.toThrow(/already a subject/);
    });
  });
});
