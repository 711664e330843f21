import { describe, expect, it } from 'vitest';
import { checkBooking, isRefused } from './checks.js';
import { booking, calendar, clock, diary, proposal, request } from './booking-fixture.test-support.js';
import type { BookingFinding, BookingRequest } from './types.js';

const ids = (findings: BookingFinding[], severity: BookingFinding['severity']) =>
  findings.filter((f) => f.severity === severity).map((f) => `${f.ruleId}:${f.field ?? ''}`);

describe('booking checks', () => {
  it('accepts a free, independent, on-time booking with nothing to say', () => {
    const findings = checkBooking(request(), proposal(), diary(), calendar, clock);
    expect(findings).toEqual([]);
    expect(isRefused(findings)).toBe(false);
  });

  it('CV4: refuses the allocated social worker, their line manager or the team manager as chair', () => {
    const staff = [{ socialWorkerId: 'chair-ada', lineManagerId: 'manager-1', teamManagerId: 'chair-bo' }];
    const asWorker = checkBooking(request({ caseStaff: staff }), proposal(), diary(), calendar, clock);
    expect(asWorker.find((f) => f.ruleId === 'CV4')?.message).toContain('allocated social worker');
    const asManager = checkBooking(request({ caseStaff: staff }), proposal({ chairId: 'manager-1' }), diary(), calendar, clock);
    expect(asManager.find((f) => f.ruleId === 'CV4')?.message).toContain('line-manages');
    const asTeamManager = checkBooking(request({ caseStaff: staff }), proposal({ chairId: 'chair-bo', date: '2026-03-03' }), diary(), calendar, clock);
    expect(asTeamManager.find((f) => f.ruleId === 'CV4')?.message).toContain('team manager');
    expect(ids(asTeamManager, 'refuse')).toContain('CV4:chairId');
  });

  it('CV4: warns when a review is not booked with the previous chair', () => {
    const other = checkBooking(request({ kind: 'review', previousChairId: 'chair-bo' }), proposal(), diary(), calendar, clock);
    expect(ids(other, 'warn')).toEqual(['CV4:chairId']);
    expect(other[0]?.message).toContain('Bo Independent');
    const same = checkBooking(request({ kind: 'review', previousChairId: 'chair-ada' }), proposal(), diary(), calendar, clock);
    expect(same).toEqual([]);
  });

  it('refuses double booking of the chair or the room, treating slots as [start, start + length)', () => {
    const busy = diary([booking('other', 'chair-ada', 'room-2', '2026-03-03', '09:00'), booking('other2', 'chair-bo', 'room-1', '2026-03-03', '11:00')]);
    // 10:00–11:30 overlaps Ada's 09:00–10:30 and room 1's 11:00–12:30.
    const clash = checkBooking(request(), proposal(), busy, calendar, clock);
    expect(ids(clash, 'refuse')).toEqual(['DIARY:time', 'DIARY:roomId']);
    // 10:30 starts exactly as Ada's ends; 09:30–11:00 in room 1 ends as the other begins.
    expect(checkBooking(request(), proposal({ startMinute: 630, roomId: 'room-2', format: 'face-to-face' }), busy, calendar, clock)).toEqual([]);
    expect(checkBooking(request(), proposal({ chairId: 'chair-bo', startMinute: 570 }), diary([booking('o', null, 'room-1', '2026-03-03', '11:00')]), calendar, clock)).toEqual([]);
  });

  it('ignores the conference’s own booking when it is rearranged', () => {
    const own = diary([booking('conf-1', 'chair-ada', 'room-1', '2026-03-03', '10:00')]);
    expect(checkBooking(request(), proposal({ startMinute: 630 }), own, calendar, clock)).toEqual([]);
  });

  it('refuses a chair on leave, outside their hours, not working that weekday, or at their daily limit', () => {
    expect(checkBooking(request(), proposal({ chairId: 'chair-bo', date: '2026-03-04' }), diary(), calendar, clock)[0]?.message).toContain('on leave');
    expect(checkBooking(request(), proposal({ startMinute: 16 * 60 }), diary(), calendar, clock)[0]?.message).toContain('does not fit');
    expect(checkBooking(request(), proposal({ chairId: 'chair-bo', date: '2026-03-06' }), diary(), calendar, clock)[0]?.message).toContain('does not chair on Fridays');
    const full = diary([booking('a', 'chair-bo', null, '2026-03-03', '09:30'), booking('b', 'chair-bo', null, '2026-03-03', '13:00')]);
    const limit = checkBooking(request(), proposal({ chairId: 'chair-bo', startMinute: 11 * 60 }), full, calendar, clock);
    expect(limit.map((f) => f.message).join(' ')).toContain('already has 2 conferences');
  });

  it('refuses weekends, bank holidays and the past', () => {
    expect(checkBooking(request({ kind: 'review' }), proposal({ date: '2026-03-07' }), diary(), calendar, clock)[0]?.message).toContain('not a working day (weekend)');
    const goodFriday = checkBooking(request({ dueDate: null }), proposal({ date: '2026-04-03' }), diary(), calendar, clock);
    expect(goodFriday[0]?.message).toContain('Good Friday');
    expect(checkBooking(request(), proposal({ date: '2026-02-27' }), diary(), calendar, clock)[0]?.message).toContain('already passed');
    const earlierToday = checkBooking(request(), proposal({ date: '2026-03-02', startMinute: 9 * 60 }), diary(), calendar, { ...clock, minuteOfDay: 9 * 60 + 5 });
    expect(ids(earlierToday, 'refuse')).toEqual(['DIARY:date']);
  });

  it('census C04: an initial conference on a weekend is refused naming the census check', () => {
    const [first] = checkBooking(request(), proposal({ date: '2026-03-07' }), diary(), calendar, clock);
    expect(first).toMatchObject({ ruleId: 'C04', severity: 'refuse', field: 'date' });
    expect(first?.message).toContain('7 March 2026 is on a Saturday');
    expect(first?.message).toContain('Census check C04');
  });

  it('census C09 and C12: a review on or before its plan’s start, or any conference after the case closed, is refused', () => {
    const review = (extra: Partial<BookingRequest>) => request({ kind: 'review', dueDate: null, ...extra });
    const onStart = checkBooking(review({ subjectPlans: [{ startDate: '2026-03-03', endDate: null }] }), proposal(), diary(), calendar, clock);
    expect(ids(onStart, 'refuse')).toEqual(['C09:date']);
    expect(checkBooking(review({ subjectPlans: [{ startDate: '2026-03-02', endDate: null }] }), proposal(), diary(), calendar, clock)).toEqual([]);
    const closed = checkBooking(request({ casesClosedOn: ['2026-03-02'] }), proposal(), diary(), calendar, clock);
    expect(ids(closed, 'refuse')).toEqual(['C12:date']);
    expect(closed.find((f) => f.ruleId === 'C12')?.message).toContain('after the case closed on 2 March 2026');
    expect(checkBooking(request({ casesClosedOn: ['2026-03-03'] }), proposal(), diary(), calendar, clock)).toEqual([]);
  });

  it('TS4: warns (does not refuse) when booked after the emergency protection order expires', () => {
    const findings = checkBooking(request({ epoExpiresOn: '2026-03-02' }), proposal(), diary(), calendar, clock);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'TS4', severity: 'warn' });
    expect(checkBooking(request({ epoExpiresOn: '2026-03-03' }), proposal(), diary(), calendar, clock)).toEqual([]);
  });

  it('CV6: a face-to-face conference needs a free room; a hybrid one a video-equipped room; a virtual one none', () => {
    expect(ids(checkBooking(request(), proposal({ roomId: null }), diary(), calendar, clock), 'refuse')).toEqual(['CV6:roomId']);
    expect(checkBooking(request(), proposal({ roomId: 'room-2', format: 'hybrid' }), diary(), calendar, clock)[0]?.message).toContain('video');
    expect(checkBooking(request(), proposal({ roomId: null, format: 'virtual' }), diary(), calendar, clock)).toEqual([]);
  });

  it('CV6: prompts for the family risk assessment in person when a family member may pose a risk', () => {
    const flagged = request({ familyRiskFlagged: true });
    expect(ids(checkBooking(flagged, proposal(), diary(), calendar, clock), 'prompt')).toEqual(['CV6:familyRiskAssessment']);
    expect(checkBooking(flagged, proposal({ familyRiskAssessment: 'Father attends separately; two staff present.' }), diary(), calendar, clock)).toEqual([]);
    expect(checkBooking(flagged, proposal({ format: 'virtual', roomId: null }), diary(), calendar, clock)).toEqual([]);
    expect(checkBooking(request(), proposal(), diary(), calendar, clock)).toEqual([]);
  });

  it('TS30: refuses a date after the due date unless a service manager approved that date', () => {
    const late = proposal({ date: '2026-03-11' });
    const refused = checkBooking(request(), late, diary(), calendar, clock);
    expect(ids(refused, 'refuse')).toEqual(['TS30:date']);
    expect(refused[0]?.message).toContain('request out-of-timescale authorisation');
    expect(ids(checkBooking(request({ approvedLateDates: ['2026-03-12'] }), late, diary(), calendar, clock), 'refuse')).toEqual(['TS30:date']);
    const approved = checkBooking(request({ approvedLateDates: ['2026-03-11'] }), late, diary(), calendar, clock);
    expect(ids(approved, 'warn')).toEqual(['TS30:date']);
    expect(isRefused(approved)).toBe(false);
    expect(checkBooking(request(), proposal({ date: '2026-03-10' }), diary(), calendar, clock)).toEqual([]);
    // A due date outside TS30's reach (e.g. a review in a pack whose TS30 covers only TS1/TS2) only warns.
    expect(ids(checkBooking(request({ lateNeedsAuthorisation: false, dueRuleId: 'TS5' }), late, diary(), calendar, clock), 'warn')).toEqual(['TS5:date']);
  });

  it('CV5: a looked-after child needs the IRO and the agreed chairing arrangement', () => {
    const lac = request({ lookedAfter: true });
    expect(ids(checkBooking(lac, proposal(), diary(), calendar, clock), 'refuse')).toEqual(['CV5:iroId', 'CV5:lacChairArrangement']);
    expect(checkBooking(lac, proposal({ iroId: 'iro-1', lacChairArrangement: 'The IRO chairs; the CP chair attends.' }), diary(), calendar, clock)).toEqual([]);
  });
});
