import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { childProtectionPlans, conferenceChildren, conferenceRecords, conferences, conferenceStatusHistory, meetingDecisions } from '../../db/schema/index.js';
import type { AttendanceRow } from './meeting-state.js';
import { describeEachEngine } from '../../../test/support/database.js';
import { COMPLETE_OUTLINE, CONFERENCE_START, attendanceByName, contextFor, createMeetingFixture, markPresent, meetingUnderWay, planDecision } from '../../../test/support/meeting-factory.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { ConflictError, ValidationError } from '../shared/errors.js';
import { concludeMeeting } from './conclude-meeting.js';
import { loadMeetingState } from './meeting-state.js';
import { openMeeting } from './open-meeting.js';
import { recordDecision } from './record-decision.js';
import { saveOutlinePlan } from './save-outline-plan.js';
import { saveAttendance, type AttendanceInput } from './save-attendance.js';
import { saveOpeningChecklist } from './save-checklist.js';
import { OPENING_ITEMS } from '../../domain/conference/opening-checklist.js';
import { saveView } from './save-view.js';
import { StaleRecordError } from './stale.js';

function attendanceInputOf(a: AttendanceRow): AttendanceInput {
  return {
    kind: a.kind as AttendanceInput['kind'], name: a.name, agency: a.agency as AttendanceInput['agency'], organisationName: a.organisationName, role: a.role,
    status: 'present', onBehalfOf: null, partsAttended: ['opening'], directContactChildIds: [], writtenReportSubmitted: false, writtenReportPresented: false,
    supportsAttendanceId: null, recordScope: 'attended-part', recordScopeGrounds: null,
  };
}

describeEachEngine('the conference meeting', (engine) => {
  const { db } = suiteDatabase(engine);

  async function viewsFor(conferenceId: string, childId: string, context: ReturnType<typeof contextFor>, planNeeded: Record<string, boolean>) {
    const people = await attendanceByName(db(), conferenceId);
    for (const [name, plan] of Object.entries(planNeeded)) {
      await saveView(db(), context, conferenceId, childId, null, { attendanceId: people.get(name)!.id, planNeeded: plan, categories: plan ? ['PHY'] : [], reasons: `${name} explains` }, null);
    }
  }

  it('opens on the booked day with the invitees on the attendance list, chair and minute taker present', async () => {
    const f = await createMeetingFixture(db());
    await expect(openMeeting(db(), contextFor(f.minuteTaker, new Date('2026-03-03T10:00:00Z')), f.conferenceId)).rejects.toThrow(ConflictError);
    await openMeeting(db(), contextFor(f.minuteTaker), f.conferenceId);
    const people = await attendanceByName(db(), f.conferenceId);
    expect(people.get('Chris Chairington')?.status).toBe('present');
    expect(people.get('Mo Minuteman')?.kind).toBe('minute-taker');
    expect(people.get('Hal Housington')?.status).toBe('apologies');
    expect(people.get('PC Petra Placeholder')?.agency).toBe('police');
    expect(people.get('Hana Exampleton')?.agency).toBe('health-visiting');
    expect(people.get('Demi Testington')?.kind).toBe('parent');
    await expect(openMeeting(db(), contextFor(f.minuteTaker), f.conferenceId)).rejects.toThrow('already open');
  });

  it('the chair cannot confirm absent reports were heard until each is presented (CF3, CF4)', async () => {
    const f = await createMeetingFixture(db());
    const minuteTaker = contextFor(f.minuteTaker);
    await openMeeting(db(), minuteTaker, f.conferenceId);
    await markPresent(db(), minuteTaker, f.conferenceId, 'Hal Housington', [], { status: 'apologies', partsAttended: [], writtenReportSubmitted: true });
    const all = { ticked: [...OPENING_ITEMS], version: 1 };
    await expect(saveOpeningChecklist(db(), contextFor(f.chair), f.conferenceId, all)).rejects.toThrow(/written reports of Hal Housington/);
    await expect(saveOpeningChecklist(db(), minuteTaker, f.conferenceId, all)).rejects.toThrow('Only the chair');
    await markPresent(db(), minuteTaker, f.conferenceId, 'Hal Housington', [], { status: 'apologies', partsAttended: [], writtenReportSubmitted: true, writtenReportPresented: true });
    await saveOpeningChecklist(db(), contextFor(f.chair), f.conferenceId, all);
    const state = await loadMeetingState(db(), f.conferenceId);
    expect(Object.keys(state.meeting!.checklist).sort()).toEqual([...OPENING_ITEMS].sort());
    expect(state.meeting!.checklist.purpose?.byName).toBe('Chris Chairington');
  });

  it('keeps the quorum live per child, with police required at a Hertfordshire initial (CF1, CF2)', async () => {
    const f = await createMeetingFixture(db(), { pack: 'hertfordshire' });
    await meetingUnderWay(db(), f, { police: false });
    let q = (await loadMeetingState(db(), f.conferenceId)).quorum.get(f.alphaId)!;
    expect(q.quorate).toBe(false);
    expect(q.shortfall.join(' ')).toContain('Police');
    await markPresent(db(), contextFor(f.minuteTaker), f.conferenceId, 'PC Petra Placeholder', []);
    q = (await loadMeetingState(db(), f.conferenceId)).quorum.get(f.alphaId)!;
    expect(q.quorate).toBe(true);
    expect(q.countingAgencies).toBe(2);
  });

  it('a plan decision creates the plan with its census facts when the conference is held (DC4, DC6, CENSUS)', async () => {
    const f = await createMeetingFixture(db(), { pack: 'hertfordshire' });
    // An earlier, ended plan for Alpha: this one is her second (NumberOfPreviousCPP = 1).
    const [alphaCc] = await db().select().from(conferenceChildren).where(and(eq(conferenceChildren.conferenceId, f.conferenceId), eq(conferenceChildren.childId, f.alphaId)));
    await db().insert(childProtectionPlans).values({ caseId: alphaCc!.caseId, childId: f.alphaId, startDate: '2023-01-10', endDate: '2023-09-01', initialCategories: ['NEG'], latestCategories: ['NEG'] });
    const { chair, minuteTaker } = await meetingUnderWay(db(), f);
    await viewsFor(f.conferenceId, f.alphaId, minuteTaker, { 'Sam Sampleford': true, 'Hana Exampleton': true, 'PC Petra Placeholder': true, 'Pat Placeholder': false });
    await expect(recordDecision(db(), chair, f.conferenceId, f.alphaId, planDecision(f, { categories: ['PHY', 'EMO'] }), null)).rejects.toThrow(ValidationError);
    await expect(recordDecision(db(), minuteTaker, f.conferenceId, f.alphaId, planDecision(f), null)).rejects.toThrow('Only the chair');
    await recordDecision(db(), chair, f.conferenceId, f.alphaId, planDecision(f), null);
    await expect(concludeMeeting(db(), chair, f.conferenceId, { version: 2 })).rejects.toThrow('Complete the outline plan for Alpha Testington');
    await saveOutlinePlan(db(), minuteTaker, f.conferenceId, f.alphaId, COMPLETE_OUTLINE, null);
    const result = await concludeMeeting(db(), chair, f.conferenceId, { version: 2 });
    expect(result.event).toBe('hold');
    expect(result.planEffects[f.alphaId]).toBe('started');

    const plans = await db().select().from(childProtectionPlans).where(eq(childProtectionPlans.childId, f.alphaId));
    const plan = plans.find((p) => p.endDate === null)!;
    expect(plan).toMatchObject({
      startDate: '2026-03-02', startConferenceId: f.conferenceId, initialCategories: ['PHY'], latestCategories: ['PHY'],
      previousPlans: 1, leadSocialWorkerId: f.socialWorker.id, visitFrequencyWeeks: 2,
    });
    const [conference] = await db().select().from(conferences).where(eq(conferences.id, f.conferenceId));
    expect(conference).toMatchObject({ status: 'held', heldOn: '2026-03-02' });
    const history = await db().select().from(conferenceStatusHistory).where(eq(conferenceStatusHistory.conferenceId, f.conferenceId));
    expect(history.map((h) => `${h.fromStatus}->${h.toStatus}`)).toContain('invitations-sent->held');
    const [decision] = await db().select().from(meetingDecisions).where(eq(meetingDecisions.conferenceId, f.conferenceId));
    expect(decision?.planId).toBe(plan.id);
    expect(decision?.dissents).toEqual([{ name: 'Pat Placeholder', agency: 'School or education', view: 'A plan is not needed: Pat Placeholder explains' }]);
    const [record] = await db().select().from(conferenceRecords).where(eq(conferenceRecords.conferenceId, f.conferenceId));
    expect(record).toMatchObject({ status: 'draft', form: 'full-minutes' });
    await expect(recordDecision(db(), chair, f.conferenceId, f.alphaId, planDecision(f), decision!.version)).rejects.toThrow('The meeting has ended');
  });

  it('an adjournment in pan-dorset creates the reconvened conference, requested and due within TS20 (DC5, TS20)', async () => {
    const f = await createMeetingFixture(db(), { pack: 'pan-dorset' });
    const { chair } = await meetingUnderWay(db(), f);
    const adjourn = planDecision(f, { outcome: 'adjourned', categories: [], interimSafetyPlan: 'Alpha stays with her grandmother until the conference reconvenes' });
    await recordDecision(db(), chair, f.conferenceId, f.alphaId, adjourn, null);
    const result = await concludeMeeting(db(), chair, f.conferenceId, { version: 2 });
    expect(result.event).toBe('adjourn');
    const [original] = await db().select().from(conferences).where(eq(conferences.id, f.conferenceId));
    expect(original?.status).toBe('adjourned');
    const [reconvened] = await db().select().from(conferences).where(eq(conferences.id, result.reconvenedConferenceId!));
    expect(reconvened).toMatchObject({ status: 'requested', kind: 'reconvened', dueDate: '2026-03-23', dueRuleId: 'TS20', reconvenedFromId: f.conferenceId, chairId: f.chair.id });
    const children = await db().select().from(conferenceChildren).where(eq(conferenceChildren.conferenceId, reconvened!.id));
    expect(children.find((c) => c.childId === f.alphaId)?.role).toBe('subject');
    expect(children.find((c) => c.childId === f.betaId)?.role).toBe('household');
    expect(await db().select().from(childProtectionPlans).where(eq(childProtectionPlans.childId, f.alphaId))).toEqual([]);
  });

  it('a stale save is refused with who changed it and when, and nothing is written (concurrency)', async () => {
    const f = await createMeetingFixture(db());
    const { chair, minuteTaker } = await meetingUnderWay(db(), f);
    await saveOutlinePlan(db(), minuteTaker, f.conferenceId, f.alphaId, { ...COMPLETE_OUTLINE, aim: 'First aim' }, null);
    await saveOutlinePlan(db(), contextFor(f.chair, new Date(CONFERENCE_START.getTime() + 25 * 60_000)), f.conferenceId, f.alphaId, { ...COMPLETE_OUTLINE, aim: 'Chair’s aim' }, 1);
    const stale = saveOutlinePlan(db(), minuteTaker, f.conferenceId, f.alphaId, { ...COMPLETE_OUTLINE, aim: 'Minute taker’s aim' }, 1);
    await expect(stale).rejects.toThrow(ConflictError);
    await expect(saveOutlinePlan(db(), minuteTaker, f.conferenceId, f.alphaId, COMPLETE_OUTLINE, 1)).rejects.toThrow(/changed by Chris Chairington at 10:25/);
    const error = await saveOutlinePlan(db(), minuteTaker, f.conferenceId, f.alphaId, COMPLETE_OUTLINE, 1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleRecordError);
    expect((error as StaleRecordError).currentVersion).toBe(2);
    const state = await loadMeetingState(db(), f.conferenceId);
    expect(state.outlinePlans[0]?.aim).toBe('Chair’s aim');
    // The same for attendance: a second save from the version first loaded is refused.
    const sam = (await attendanceByName(db(), f.conferenceId)).get('Sam Sampleford')!;
    await markPresent(db(), chair, f.conferenceId, 'Sam Sampleford', [f.alphaId], { role: 'Allocated social worker' });
    const staleAttendance = saveAttendance(db(), minuteTaker, f.conferenceId, sam.id, { ...attendanceInputOf(sam), status: 'apologies' }, sam.version);
    await expect(staleAttendance).rejects.toThrow(/Sam Sampleford's attendance was changed by Chris Chairington/);
    expect((await attendanceByName(db(), f.conferenceId)).get('Sam Sampleford')?.status).toBe('present');
  });
});
