import { and, eq, isNull } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { childProtectionPlans, conferenceChildren, familyParticipation, meetingDecisions, meetingDistributions, outboxMessages, planEndings } from '../../db/schema/index.js';
import { MEETING_PARTS } from '../../domain/conference/meeting-parts.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { COMPLETE_OUTLINE, attendanceByName, contextFor, createMeetingFixture, markPresent, meetingUnderWay, planDecision, type MeetingFixture } from '../../../test/support/meeting-factory.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { ValidationError } from '../shared/errors.js';
import { concludeMeeting } from './conclude-meeting.js';
import { loadMeetingState } from './meeting-state.js';
import { recordDecision } from './record-decision.js';
import { recordLeaving } from './record-leaving.js';
import { recordOverruleConsultation } from './record-overrule-consultation.js';
import { saveAttendance } from './save-attendance.js';
import { saveOutlinePlan } from './save-outline-plan.js';
import { saveView } from './save-view.js';
import { englishPlanEndedNotice, POLISH_PLAN_ENDED_SUBJECT, polishPlanEndedNotice } from '../plans/plan-ended-notice.test-support.js';

describeEachEngine('what follows from the meeting', (engine) => {
  const { db } = suiteDatabase(engine);

  async function views(f: MeetingFixture, planNeeded: Record<string, boolean>) {
    const people = await attendanceByName(db(), f.conferenceId);
    for (const [name, plan] of Object.entries(planNeeded)) {
      await saveView(db(), contextFor(f.minuteTaker), f.conferenceId, f.alphaId, null, { attendanceId: people.get(name)!.id, planNeeded: plan, categories: plan ? ['NEG'] : [], reasons: 'As discussed' }, null);
    }
  }

  async function openPlanFor(f: MeetingFixture, categories: string[]) {
    const [cc] = await db().select().from(conferenceChildren).where(and(eq(conferenceChildren.conferenceId, f.conferenceId), eq(conferenceChildren.childId, f.alphaId)));
    await db().insert(childProtectionPlans).values({ caseId: cc!.caseId, childId: f.alphaId, startDate: '2025-12-01', initialCategories: categories, latestCategories: categories });
  }

  it("a supporter leaves with the parent the chair asks to leave (EX4), and both miss that part", async () => {
    const f = await createMeetingFixture(db());
    const { chair, minuteTaker } = await meetingUnderWay(db(), f);
    const mother = (await attendanceByName(db(), f.conferenceId)).get('Demi Testington')!;
    await saveAttendance(db(), minuteTaker, f.conferenceId, null, {
      kind: 'supporter', name: 'Sue Supportwell', agency: null, organisationName: null, role: "Mother's friend", status: 'present', onBehalfOf: null,
      partsAttended: [...MEETING_PARTS], directContactChildIds: [], writtenReportSubmitted: false, writtenReportPresented: false,
      supportsAttendanceId: mother.id, recordScope: 'attended-part', recordScopeGrounds: null,
    }, null);
    await expect(recordLeaving(db(), chair, f.conferenceId, mother.id, { part: 'confidential-information', at: new Date('2026-03-02T10:30:00Z'), forRest: false, askedToLeave: true, reason: null, version: mother.version })).rejects.toThrow(ValidationError);
    // EX3: the chair decides her record at once: the attended part only needs a ground.
    await expect(recordLeaving(db(), chair, f.conferenceId, mother.id, { part: 'confidential-information', at: new Date('2026-03-02T10:30:00Z'), forRest: false, askedToLeave: true, reason: 'Police information', recordScope: 'attended-part', recordWithheldGround: null, version: mother.version })).rejects.toThrow(ValidationError);
    const left = await recordLeaving(db(), chair, f.conferenceId, mother.id, {
      part: 'confidential-information', at: new Date('2026-03-02T10:30:00Z'), forRest: false, askedToLeave: true, reason: 'Police information about a third party', recordScope: 'attended-part', recordWithheldGround: 'third-party', version: mother.version,
    });
    expect(left).toEqual(['Demi Testington', 'Sue Supportwell']);
    const people = await attendanceByName(db(), f.conferenceId);
    for (const name of ['Demi Testington', 'Sue Supportwell']) {
      expect(people.get(name)?.excludedParts).toEqual(['confidential-information']);
      expect(people.get(name)?.partsAttended).not.toContain('confidential-information');
      expect(people.get(name)?.partsAttended).toContain('decision');
      expect(people.get(name)).toMatchObject({ recordScope: 'attended-part', recordWithheldGround: 'third-party' });
    }
    expect(people.get('Sue Supportwell')?.leftReason).toBe('Left with Demi Testington, whom they support');
  });

  it('pan-dorset: one view per agency, and the overrule records TS21 and the senior managers told (DC2, DC3, TS21)', async () => {
    const f = await createMeetingFixture(db(), { pack: 'pan-dorset' });
    const { chair } = await meetingUnderWay(db(), f);
    await views(f, { 'Sam Sampleford': false, 'Hana Exampleton': false, 'Pat Placeholder': true });
    await markPresent(db(), contextFor(f.minuteTaker), f.conferenceId, 'Hal Housington', [f.alphaId], { agency: 'police' });
    const people = await attendanceByName(db(), f.conferenceId);
    await saveView(db(), contextFor(f.minuteTaker), f.conferenceId, f.alphaId, null, { attendanceId: people.get('PC Petra Placeholder')!.id, planNeeded: false, categories: [], reasons: 'No offence' }, null);
    await expect(
      saveView(db(), contextFor(f.minuteTaker), f.conferenceId, f.alphaId, null, { attendanceId: people.get('Hal Housington')!.id, planNeeded: true, categories: ['NEG'], reasons: 'x' }, null),
    ).rejects.toThrow('has already given its one view');
    const decision = planDecision(f, { categories: ['NEG', 'EMO'] });
    await expect(recordDecision(db(), chair, f.conferenceId, f.alphaId, decision, null)).rejects.toThrow(ValidationError);
    await recordDecision(db(), chair, f.conferenceId, f.alphaId, { ...decision, overrule: true, overruleReasons: 'The proposed decision leaves Alpha unprotected' }, null);
    let [row] = await db().select().from(meetingDecisions).where(eq(meetingDecisions.conferenceId, f.conferenceId));
    expect(row).toMatchObject({ basis: 'overrule', furtherConferenceBy: '2026-03-30', categories: ['NEG', 'EMO'] });
    expect(row?.dissents.map((d) => d.name).sort()).toEqual(['Hana Exampleton', 'PC Petra Placeholder', 'Sam Sampleford']);
    await recordOverruleConsultation(db(), chair, f.conferenceId, f.alphaId, { seniorManagersInformed: 'Head of Safeguarding', informedOn: '2026-03-03', version: row!.version });
    [row] = await db().select().from(meetingDecisions).where(eq(meetingDecisions.conferenceId, f.conferenceId));
    expect(row).toMatchObject({ seniorManagersInformed: 'Head of Safeguarding', seniorManagersInformedOn: '2026-03-03' });
  });

  it('pan-dorset inquorate: the chair gives reasons, the review is early, and missing agencies are written to (CF1)', async () => {
    const f = await createMeetingFixture(db(), { pack: 'pan-dorset' });
    const { chair, minuteTaker } = await meetingUnderWay(db(), f, { police: false });
    await markPresent(db(), minuteTaker, f.conferenceId, 'Pat Placeholder', []);
    expect((await loadMeetingState(db(), f.conferenceId)).quorum.get(f.alphaId)?.quorate).toBe(false);
    await views(f, { 'Sam Sampleford': true, 'Hana Exampleton': true });
    const plan = planDecision(f);
    await expect(recordDecision(db(), chair, f.conferenceId, f.alphaId, plan, null)).rejects.toThrow(/not quorate/);
    await expect(recordDecision(db(), chair, f.conferenceId, f.alphaId, { ...plan, inquorateReasons: 'Only the health visitor knows Alpha', reviewOn: '2026-06-02' }, null)).rejects.toThrow(/early/);
    await recordDecision(db(), chair, f.conferenceId, f.alphaId, { ...plan, inquorateReasons: 'Only the health visitor knows Alpha', reviewOn: '2026-04-20' }, null);
    await saveOutlinePlan(db(), minuteTaker, f.conferenceId, f.alphaId, COMPLETE_OUTLINE, null);
    const result = await concludeMeeting(db(), chair, f.conferenceId, { version: 2 });
    // Invited professionals not present for the decision: the police and housing (apologies) — and the teacher, present without contact, was there.
    expect(result.lettersQueued).toBe(2);
    const letters = (await db().select().from(outboxMessages).where(eq(outboxMessages.conferenceId, f.conferenceId))).filter((m) => m.relatedType === 'quorum-letter');
    expect(letters.map((l) => l.toName).sort()).toEqual(['Hal Housington', 'PC Petra Placeholder']);
    const log = await db().select().from(meetingDistributions).where(eq(meetingDistributions.conferenceId, f.conferenceId));
    expect(log.filter((l) => l.document === 'quorum-letter')).toHaveLength(2);
    const [row] = await db().select().from(meetingDecisions).where(eq(meetingDecisions.conferenceId, f.conferenceId));
    expect(row).toMatchObject({ quorate: false, earlyReview: true, inquorateReasons: 'Only the health visitor knows Alpha' });
  });

  it('hertfordshire: ending a plan at an inquorate review waits for written views within 10 + 10 working days (TS23)', async () => {
    const f = await createMeetingFixture(db(), { pack: 'hertfordshire', kind: 'review', childType: 'review' });
    await openPlanFor(f, ['NEG']);
    const { chair } = await meetingUnderWay(db(), f, { police: false });
    await markPresent(db(), contextFor(f.minuteTaker), f.conferenceId, 'Pat Placeholder', []);
    await views(f, { 'Sam Sampleford': false, 'Hana Exampleton': false });
    const end = planDecision(f, { outcome: 'no-plan-cin', categories: [], sufferedHarm: true, likelyHarm: false, childInNeedRecommendation: 'Family support for 3 months', inquorateReasons: 'Only two agencies still involved' });
    await recordDecision(db(), chair, f.conferenceId, f.alphaId, end, null);
    const [row] = await db().select().from(meetingDecisions).where(eq(meetingDecisions.conferenceId, f.conferenceId));
    expect(row).toMatchObject({ writtenViewsSoughtBy: '2026-03-16', writtenResponsesBy: '2026-03-30', discontinuationPending: true });
    const result = await concludeMeeting(db(), chair, f.conferenceId, { version: 2 });
    expect(result.planEffects[f.alphaId]).toBe('end-pending');
    const open = await db().select().from(childProtectionPlans).where(and(eq(childProtectionPlans.childId, f.alphaId), isNull(childProtectionPlans.endDate)));
    expect(open).toHaveLength(1);
  });

  it('census C06: a review cannot start a new plan for a review child whose plan has ended; a child there without a plan can have one', async () => {
    const f = await createMeetingFixture(db(), { pack: 'hertfordshire', kind: 'review', childType: 'review' });
    const { chair } = await meetingUnderWay(db(), f);
    await views(f, { 'Sam Sampleford': true, 'Hana Exampleton': true });
    const refused = await recordDecision(db(), chair, f.conferenceId, f.alphaId, planDecision(f, { firstCoreGroupOn: null, reviewOn: '2026-08-20' }), null).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).errors[0]).toMatchObject({ field: 'outcome', message: expect.stringContaining('does not start on the date of an initial conference') });
    expect((refused as ValidationError).errors[0]?.message).toContain('Census check C06');
    expect(await db().select().from(meetingDecisions).where(eq(meetingDecisions.conferenceId, f.conferenceId))).toEqual([]);

    const added = await createMeetingFixture(db(), { pack: 'hertfordshire', kind: 'review', childType: 'initial' });
    const { chair: addedChair } = await meetingUnderWay(db(), added);
    await views(added, { 'Sam Sampleford': true, 'Hana Exampleton': true });
    await recordDecision(db(), addedChair, added.conferenceId, added.alphaId, planDecision(added), null);
  });

  it('a review that keeps the plan changes the latest category only with grounds, and keeps the initial one (DC4)', async () => {
    const f = await createMeetingFixture(db(), { pack: 'hertfordshire', kind: 'review', childType: 'review' });
    await openPlanFor(f, ['NEG']);
    const { chair, minuteTaker } = await meetingUnderWay(db(), f);
    await views(f, { 'Sam Sampleford': true, 'Hana Exampleton': true });
    const keep = planDecision(f, { categories: ['EMO'], firstCoreGroupOn: null, reviewOn: '2026-08-20' });
    await expect(recordDecision(db(), chair, f.conferenceId, f.alphaId, keep, null)).rejects.toThrow(/grounds for changing the category/);
    await recordDecision(db(), chair, f.conferenceId, f.alphaId, { ...keep, categoryChangeGrounds: 'Neglect has eased; emotional harm is now the main concern' }, null);
    await saveOutlinePlan(db(), minuteTaker, f.conferenceId, f.alphaId, COMPLETE_OUTLINE, null);
    const result = await concludeMeeting(db(), chair, f.conferenceId, { version: 2 });
    expect(result.planEffects[f.alphaId]).toBe('continued');
    const [plan] = await db().select().from(childProtectionPlans).where(eq(childProtectionPlans.childId, f.alphaId));
    expect(plan).toMatchObject({ initialCategories: ['NEG'], latestCategories: ['EMO'], startDate: '2025-12-01', endDate: null, visitFrequencyWeeks: 2 });
  });

  it('varying an outcome already recorded needs the reason, and the earlier decision is kept (DC5)', async () => {
    const f = await createMeetingFixture(db());
    const { chair } = await meetingUnderWay(db(), f);
    await views(f, { 'Sam Sampleford': false, 'Hana Exampleton': false });
    const cin = planDecision(f, { outcome: 'no-plan-cin', categories: [], childInNeedRecommendation: 'Family support' });
    await recordDecision(db(), chair, f.conferenceId, f.alphaId, cin, null);
    const nfa = { ...cin, outcome: 'no-plan-nfa' as const };
    await expect(recordDecision(db(), chair, f.conferenceId, f.alphaId, nfa, 1)).rejects.toThrow(/changes the outcome/);
    await recordDecision(db(), chair, f.conferenceId, f.alphaId, { ...nfa, variationReason: 'The family declined the support offered' }, 1);
    const [row] = await db().select().from(meetingDecisions).where(eq(meetingDecisions.conferenceId, f.conferenceId));
    expect(row).toMatchObject({ outcome: 'no-plan-nfa', variationReason: 'The family declined the support offered', version: 2 });
    expect(row?.history).toHaveLength(1);
    expect(row?.history[0]).toMatchObject({ outcome: 'no-plan-cin' });
  });

  it('pan-dorset EN3: a first review ends a plan only for an exceptional circumstance, with the child heard and the core assessment complete', async () => {
    const f = await createMeetingFixture(db(), { pack: 'pan-dorset', kind: 'review', childType: 'review' });
    await openPlanFor(f, ['NEG']);
    const { chair } = await meetingUnderWay(db(), f);
    await views(f, { 'Sam Sampleford': false, 'Hana Exampleton': false, 'Pat Placeholder': false, 'PC Petra Placeholder': false });
    const end = planDecision(f, { outcome: 'no-plan-cin', categories: [], sufferedHarm: true, likelyHarm: false, childInNeedRecommendation: 'Family support for 3 months' });
    const refused = await recordDecision(db(), chair, f.conferenceId, f.alphaId, end, null).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).errors.map((e) => e.message)).toEqual([
      'A plan ends at its first review only in one of the exceptional circumstances listed.',
      'The child’s own view on ending the plan must be heard first, independently of the parents.',
      'The core assessment must be complete and in the social work report before the plan ends.',
    ]);
    expect(await db().select().from(meetingDecisions).where(eq(meetingDecisions.conferenceId, f.conferenceId))).toHaveLength(0);

    await recordDecision(db(), chair, f.conferenceId, f.alphaId, { ...end, endingException: 'no-longer-with-risk-person', childViewOnEnding: true, coreAssessmentComplete: true }, null);
    const [row] = await db().select().from(meetingDecisions).where(eq(meetingDecisions.conferenceId, f.conferenceId));
    expect(row?.endingChecks).toEqual({ firstReview: true, exception: 'no-longer-with-risk-person', childViewAscertained: true, coreAssessmentComplete: true });
  });

  it('EN3 does not apply where the pack is silent: a hertfordshire first review may end the plan without those answers', async () => {
    const f = await createMeetingFixture(db(), { pack: 'hertfordshire', kind: 'review', childType: 'review' });
    await openPlanFor(f, ['NEG']);
    const { chair } = await meetingUnderWay(db(), f);
    await views(f, { 'Sam Sampleford': false, 'Hana Exampleton': false });
    await recordDecision(db(), chair, f.conferenceId, f.alphaId, planDecision(f, { outcome: 'no-plan-nfa', categories: [], sufferedHarm: true, likelyHarm: false }), null);
    const [row] = await db().select().from(meetingDecisions).where(eq(meetingDecisions.conferenceId, f.conferenceId));
    expect(row?.endingChecks).toMatchObject({ firstReview: true, exception: null });
  });

  it('a review that ends the plan keeps the ending with the help that continues and tells everyone invited to the initial conference (EN4, EN5)', async () => {
    const initial = await createMeetingFixture(db());
    const f = await createMeetingFixture(db(), { pack: 'hertfordshire', kind: 'review', childType: 'review' });
    const [cc] = await db().select().from(conferenceChildren).where(and(eq(conferenceChildren.conferenceId, f.conferenceId), eq(conferenceChildren.childId, f.alphaId)));
    await db().insert(childProtectionPlans).values({ caseId: cc!.caseId, childId: f.alphaId, startDate: '2025-12-01', startConferenceId: initial.conferenceId, initialCategories: ['NEG'], latestCategories: ['NEG'] });
    const { chair } = await meetingUnderWay(db(), f);
    await views(f, { 'Sam Sampleford': false, 'Hana Exampleton': false, 'Pat Placeholder': false });
    await recordDecision(db(), chair, f.conferenceId, f.alphaId, planDecision(f, { outcome: 'no-plan-cin', categories: [], sufferedHarm: true, likelyHarm: false, childInNeedRecommendation: 'Family support for 3 months' }), null);
    const result = await concludeMeeting(db(), chair, f.conferenceId, { version: 2 });
    expect(result.planEffects[f.alphaId]).toBe('ended');

    const [ending] = await db().select().from(planEndings).where(eq(planEndings.childId, f.alphaId));
    expect(ending).toMatchObject({ route: 'review-decision', endedOn: '2026-03-02', continuingSupport: 'child-in-need-plan', continuingSupportDetails: 'Family support for 3 months' });
    const notices = await db().select().from(outboxMessages).where(and(eq(outboxMessages.relatedType, 'plan-ending'), eq(outboxMessages.relatedId, ending!.planId)));
    expect(notices.map((n) => n.toName).sort()).toEqual(['Demi Testington', 'Fred Testington', 'Hal Housington', 'Hana Exampleton', 'PC Petra Placeholder', 'Pat Placeholder', 'Sam Sampleford']);
    expect(notices.find((n) => n.toName === 'Fred Testington')?.channel).toBe('post');
    expect(notices[0]!.bodyText).toContain('A child in need plan (Family support for 3 months)');
    // The date as a person reads it, from the ending's own field: never an ISO date in a letter.
    const fred = notices.find((n) => n.toName === 'Fred Testington')!;
    expect(fred.bodyText).toMatch(/^Dear Fred Testington,\n\nThe child protection plan for .+ ended on 2 March 2026: /);
    expect(notices.every((n) => !/\d{4}-\d{2}-\d{2}/.test(n.bodyText))).toBe(true);
  });

  it('issue 14: a review that ends the plan tells the Polish-speaking mother in Polish then English, and professionals in English', async () => {
    const initial = await createMeetingFixture(db());
    const f = await createMeetingFixture(db(), { pack: 'hertfordshire', kind: 'review', childType: 'review' });
    const [cc] = await db().select().from(conferenceChildren).where(and(eq(conferenceChildren.conferenceId, f.conferenceId), eq(conferenceChildren.childId, f.alphaId)));
    await db().insert(childProtectionPlans).values({ caseId: cc!.caseId, childId: f.alphaId, startDate: '2025-12-01', startConferenceId: initial.conferenceId, initialCategories: ['NEG'], latestCategories: ['NEG'] });
    // IN7, as recorded for the initial conference whose invitees are told.
    await db().insert(familyParticipation).values({ conferenceId: initial.conferenceId, invitationId: initial.invitationIds.mother, firstLanguage: 'polski', interpreterNeeded: true, updatedAt: new Date('2025-11-20T09:00:00Z') });
    const { chair } = await meetingUnderWay(db(), f);
    await views(f, { 'Sam Sampleford': false, 'Hana Exampleton': false, 'Pat Placeholder': false });
    await recordDecision(db(), chair, f.conferenceId, f.alphaId, planDecision(f, { outcome: 'no-plan-cin', categories: [], sufferedHarm: true, likelyHarm: false, childInNeedRecommendation: 'Family support for 3 months' }), null);
    await concludeMeeting(db(), chair, f.conferenceId, { version: 2 });

    const [ending] = await db().select().from(planEndings).where(eq(planEndings.childId, f.alphaId));
    const notices = await db().select().from(outboxMessages).where(and(eq(outboxMessages.relatedType, 'plan-ending'), eq(outboxMessages.relatedId, ending!.planId)));
    const english = (name: string) => englishPlanEndedNotice(name, {
      ended: 'The child protection plan for Alpha Testington ended on 2 March 2026: the review conference decided it is no longer needed.',
      help: 'A child in need plan (Family support for 3 months)',
    });
    const mother = notices.find((n) => n.toName === 'Demi Testington')!;
    expect(mother.subject).toBe(POLISH_PLAN_ENDED_SUBJECT);
    expect(mother.bodyText).toBe(polishPlanEndedNotice(
      'Demi Testington',
      'Plan ochrony dziecka (Alpha Testington) zakończył się 2 marca 2026: konferencja przeglądowa uznała, że nie jest już potrzebny.\n'
      + 'Dalsza pomoc: plan wsparcia dziecka w potrzebie (child in need). Szczegóły (zapisane po angielsku): Family support for 3 months.',
      english('Demi Testington'),
    ));
    for (const name of ['Fred Testington', 'PC Petra Placeholder', 'Hana Exampleton']) {
      const n = notices.find((m) => m.toName === name)!;
      expect(n.subject).toBe('Child protection plan ended: Alpha Testington');
      expect(n.bodyText).toBe(english(name));
    }
  });
});
