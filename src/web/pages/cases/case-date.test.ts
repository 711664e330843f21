import { describe, expect, it } from 'vitest';
import { leaveForm } from '../family/form.js';
import { caseDate } from './case-date.js';

// A month or day that does not exist used to throw (a RangeError from an invalid Date) where the
// person should have been told to correct the field: a 500 instead of the form again.
describe('dates on case and family forms', () => {
  it.each(['2026-13-01', '2026-02-30', '2026-00-10', '2026-04-31'])('refuses %s with the field’s own message, without throwing', (typed) => {
    const parsed = caseDate('Enter the date').safeParse(typed);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('Enter the date as a real date, like 2026-03-01');
    const left = leaveForm.safeParse({ toDate: typed });
    expect(left.success).toBe(false);
    expect(left.error?.issues[0]?.message).toBe('Enter the date they left as a real date, like 2026-03-01');
  });

  it('takes a date that exists, leap day included', () => {
    expect(caseDate('Enter the date').safeParse(' 2028-02-29 ').data).toBe('2028-02-29');
    expect(leaveForm.safeParse({ toDate: '2026-12-07' }).success).toBe(true);
  });
});
