import { describe, expect, it } from 'vitest';
import { retentionSchedule } from '../packs/retention.js';
import { configuredSchedule, periodOf, periodProblems, scheduleChanges, shortenedTypes } from './retention-schedule.js';
import { classifyCaseRecords, retentionDue } from './retention.js';

const national = retentionSchedule('national');
const period = (recordType: string, years: number, countFrom: string, atLeast: number | null = null, withoutBirth: number | null = null) =>
  ({ recordType, years, countFrom, atLeastYearsAfterClosure: atLeast, withoutBirthDateYearsAfterClosure: withoutBirth });

describe('RC7 retention schedule the administrator configures', () => {
  it('lays the authority’s periods over the pack’s, leaving the types it has not set and the audit trail alone', () => {
    const s = configuredSchedule(national, [period('case-other', 2, 'case-closed'), period('audit', 1, 'case-closed')]);
    expect(s.entries['case-other']).toMatchObject({ years: 2, countFrom: 'case-closed' });
    expect(s.entries['case-other'].configuredAt).toBeUndefined();
    expect(s.entries['case-with-plan']).toEqual(national.entries['case-with-plan']);
    expect(s.entries.audit).toEqual(national.entries.audit);
  });

  it.each([
    ['fewer years', period('case-with-plan', 6, 'eighteenth-birthday', 6, 25), true],
    ['a lower floor after closure', period('case-with-plan', 7, 'eighteenth-birthday', 3, 25), true],
    ['the floor removed', period('case-with-plan', 7, 'eighteenth-birthday', null, 25), true],
    ['counted from closure instead', period('case-with-plan', 7, 'case-closed'), true],
    ['more years', period('case-with-plan', 8, 'eighteenth-birthday', 6, 25), false],
    ['the same', period('case-with-plan', 7, 'eighteenth-birthday', 6, 25), false],
  ])('a period with %s is shorter: %s', (_, next, shorter) => {
    expect(shortenedTypes(national, [next])).toEqual(shorter ? ['case-with-plan'] : []);
  });

  it('lists old and new values of what changed only', () => {
    const changes = scheduleChanges(national, [periodOf(national.entries['case-other']), period('referral-no-further-action', 4, 'case-closed')]);
    expect(changes).toEqual([{ type: 'referral-no-further-action', old: expect.objectContaining({ years: 3 }), new: expect.objectContaining({ years: 4 }) }]);
  });

  it('refuses a floor on a period counted from closure, and a birthday count with no fallback for a missing date of birth', () => {
    expect(periodProblems(period('case-other', 6, 'case-closed', 2)).map((p) => p.field)).toEqual(['atLeast-case-other']);
    expect(periodProblems(period('case-with-plan', 7, 'eighteenth-birthday', 6, null)).map((p) => p.field)).toEqual(['withoutBirth-case-with-plan']);
  });

  it('a conference recording is a record of the case under its own entry (RC5), and can set the case’s date', () => {
    const records = classifyCaseRecords({ caseId: 'c', planIds: [], conferenceIds: ['k'], section47s: [], referrals: [], assessmentCount: 0, recordingIds: ['r'] });
    expect(records).toContainEqual({ type: 'conference-recording', id: 'r' });
    const longer = configuredSchedule(national, [period('conference-recording', 12, 'eighteenth-birthday', 6, 30)]);
    const due = retentionDue({ dateOfBirth: '2010-01-01', expectedDeliveryDate: null, closedOn: '2020-01-01', records }, longer);
    expect(due).toMatchObject({ caseDueOn: '2040-01-01', governingType: 'conference-recording' });
  });
});
