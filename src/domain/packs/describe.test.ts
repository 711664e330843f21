import { describe, expect, it } from 'vitest';
import { describeParameter, minutesText } from './describe.js';

describe('describeParameter', () => {
  it.each([
    [{ unit: 'workingDays', n: 1 } as const, '1 working day'],
    [{ unit: 'workingDays', n: 15, dayOne: true } as const, '15 working days (day 1 = decision day)'],
    [{ unit: 'calendarDays', n: 1 } as const, '1 day'],
    [{ unit: 'hours', n: 48 } as const, '48 hours'],
    [{ unit: 'weeks', n: 1 } as const, '1 week'],
    [{ unit: 'months', n: 3, bound: 'earliest' } as const, 'at least 3 months'],
    [{ unit: 'sameDay' } as const, 'the same day'],
    [{ unit: 'setElsewhere', by: 'conference' } as const, 'set by the conference'],
    [{ unit: 'age', years: 18 } as const, 'by the 18th birthday'],
    [{ unit: 'note', text: 'well in advance', qualifier: 'to the chair' } as const, '“well in advance” (to the chair)'],
    [
      { unit: 'byConferenceType', initial: { unit: 'workingDays', n: 1 }, review: { unit: 'workingDays', n: 3 } } as const,
      '1 wd before an ICPC / 3 wd before a review',
    ],
    [
      { unit: 'conferenceSlot', familyMeetsChairMinutesBefore: 20, professionalsArriveMinutesBefore: 30, lengthMinutes: 90 } as const,
      'family meets the chair 20 minutes before; professionals arrive 30 minutes before; slot of 1½ hours',
    ],
  ])('%j reads "%s"', (parameter, text) => {
    expect(describeParameter(parameter)).toBe(text);
  });

  it('writes minutes as people say them', () => {
    expect([minutesText(1), minutesText(20), minutesText(60), minutesText(90), minutesText(120)]).toEqual([
      '1 minute', '20 minutes', '1 hour', '1½ hours', '2 hours',
    ]);
  });
});
