import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/working-calendar.js';
import { childInNeedDeadline } from './after-plan.js';

const calendar = bundledCalendar('england-and-wales');

describe('TS26 child in need after the plan', () => {
  it('hertfordshire: allocated for at least 3 months after the plan ends', () => {
    const d = childInNeedDeadline('hertfordshire', '2026-04-20', 'child-in-need-plan', calendar);
    expect(d?.due).toEqual({ kind: 'date', date: '2026-07-20' });
    expect(d?.bound).toBe('earliest');
  });
  it('pan-dorset: the child in need plan is reviewed within 6 months', () => {
    expect(childInNeedDeadline('pan-dorset', '2026-04-20', 'child-in-need-plan', calendar)?.due).toEqual({ kind: 'date', date: '2026-10-20' });
  });
  it('nothing where the pack is silent or no child in need plan follows', () => {
    expect(childInNeedDeadline('national', '2026-04-20', 'child-in-need-plan', calendar)).toBeNull();
    expect(childInNeedDeadline('hertfordshire', '2026-04-20', 'early-help', calendar)).toBeNull();
  });
});
