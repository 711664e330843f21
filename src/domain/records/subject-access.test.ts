import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/working-calendar.js';
import { oneCalendarMonthFrom, redactThirdParties, releaseProblems, subjectAccessDue, subjectAccessProblems, subjectAccessState, WITHHELD } from './subject-access.js';

const calendar = bundledCalendar('england-and-wales');
const working = (d: Parameters<typeof calendar.isWorkingDay>[0]) => calendar.isWorkingDay(d);

describe('RC7 subject access: one calendar month', () => {
  const rows = [
    { from: '2026-06-10', due: '2026-07-10', why: 'the same day next month' },
    { from: '2026-03-31', due: '2026-04-30', why: 'no 31 April: the last day of April' },
    { from: '2028-01-31', due: '2028-02-29', why: 'a leap year: 29 February' },
    { from: '2027-01-31', due: '2027-03-01', why: '28 February 2027 is a Sunday: the next working day' },
    { from: '2026-09-03', due: '2026-10-05', why: '3 October 2026 is a Saturday' },
    { from: '2026-11-25', due: '2026-12-29', why: 'Christmas, a weekend and the substitute Boxing Day' },
    { from: '2026-12-31', due: '2027-02-01', why: '31 January 2027 is a Sunday' },
  ];
  for (const row of rows) {
    const label = `${row.from} → ${row.due}: ${row.why}`;
    it(label, () => {
      expect(oneCalendarMonthFrom(row.from, working).dueOn).toBe(row.due);
    });
  }

  it('counts from the later of receipt and the identity check, and not at all before the check', () => {
    expect(subjectAccessDue({ receivedOn: '2026-06-10', identityCheckedOn: '2026-06-20' }, working)).toMatchObject({ dueOn: '2026-07-20' });
    expect(subjectAccessDue({ receivedOn: '2026-06-10', identityCheckedOn: '2026-06-10' }, working).explanation).toContain('the request was received on 10 June 2026');
    expect(subjectAccessDue({ receivedOn: '2026-06-10', identityCheckedOn: null }, working).dueOn).toBeNull();
    expect(subjectAccessDue({ receivedOn: '2027-01-31', identityCheckedOn: '2027-01-31' }, working).explanation).toContain('28 February 2027 is not a working day');
  });

  it('is due, overdue or released as the day moves on', () => {
    const due = subjectAccessDue({ receivedOn: '2026-06-10', identityCheckedOn: '2026-06-10' }, working);
    expect(subjectAccessState({ releasedOn: null }, due, '2026-07-10')).toBe('due');
    expect(subjectAccessState({ releasedOn: null }, due, '2026-07-11')).toBe('overdue');
    expect(subjectAccessState({ releasedOn: '2026-07-01' }, due, '2026-08-01')).toBe('released');
    expect(subjectAccessState({ releasedOn: null }, { dueOn: null, explanation: '' }, '2026-08-01')).toBe('identity-to-check');
  });

  it('refuses a future receipt, an identity checked before receipt, and a release before the identity check', () => {
    expect(subjectAccessProblems({ receivedOn: '2026-06-11', identityCheckedOn: null, relationship: 'parent' }, '2026-06-10').map((p) => p.field)).toEqual(['receivedOn']);
    expect(subjectAccessProblems({ receivedOn: '2026-06-10', identityCheckedOn: '2026-06-09', relationship: 'x' }, '2026-06-10').map((p) => p.field)).toEqual(['relationship', 'identityCheckedOn']);
    const facts = { today: '2026-06-20', identityCheckedOn: null, receivedOn: '2026-06-10', released: false };
    expect(releaseProblems({ releasedOn: '2026-06-20', method: 'post' }, facts)[0]?.message).toMatch(/identity/);
    expect(releaseProblems({ releasedOn: '2026-06-21', method: ' ' }, { ...facts, identityCheckedOn: '2026-06-10' }).map((p) => p.field)).toEqual(['releasedOn', 'method']);
    expect(releaseProblems({ releasedOn: '2026-06-20', method: 'post' }, { ...facts, identityCheckedOn: '2026-06-10', released: true })[0]?.message).toMatch(/already/);
  });
});

describe('RC7 subject access: third parties withheld', () => {
  it('withholds a third party’s full name and each part of it, but not a name the requester or child shares', () => {
    const text = 'Carl Testington told Dr Ray Vance that Carl had hit Alpha Testington. Beth Testington disagreed. CARL left.';
    const out = redactThirdParties(text, ['Carl Testington', 'Ray Vance'], ['Alpha Testington', 'Beth Testington']);
    expect(out).toBe(`${WITHHELD} told Dr ${WITHHELD} that ${WITHHELD} had hit Alpha Testington. Beth Testington disagreed. ${WITHHELD} left.`);
    expect(out).not.toMatch(/Carl|Vance|Ray/i);
  });

  it('leaves words that only contain a name alone', () => {
    expect(redactThirdParties('Raymond and Carla met Ray.', ['Ray Smith', 'Carl Smith'], [])).toBe(`Raymond and Carla met ${WITHHELD}.`);
  });
});
