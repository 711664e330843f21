import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/working-calendar.js';
import { needsOutOfTimescaleAuthorisation } from './authorisation.js';
import { computeDeadline } from './compute.js';

const calendar = bundledCalendar('england-and-wales');
const on = (text: string): Temporal.PlainDate => Temporal.PlainDate.from(text);

describe('needsOutOfTimescaleAuthorisation (TS30)', () => {
  const icpc = computeDeadline({ ruleId: 'TS1', pack: 'hertfordshire', from: on('2025-12-19'), calendar });

  it('is needed for an initial conference booked after its TS1 due date, not on or before it', () => {
    expect(needsOutOfTimescaleAuthorisation(on('2026-01-15'), icpc)).toBe(true);
    expect(needsOutOfTimescaleAuthorisation(on('2026-01-14'), icpc)).toBe(false);
    expect(needsOutOfTimescaleAuthorisation(Temporal.PlainDateTime.from('2026-01-14T16:00'), icpc)).toBe(false);
  });

  it('covers a transfer-in conference (TS2) in every pack', () => {
    for (const pack of ['national', 'staffordshire', 'pan-dorset', 'newcastle'] as const) {
      const transferIn = computeDeadline({ ruleId: 'TS2', pack, from: on('2026-03-02'), calendar });
      expect(needsOutOfTimescaleAuthorisation(on('2026-03-24'), transferIn)).toBe(true);
    }
  });

  it('is not asked for deadlines TS30 does not cover, such as a review', () => {
    const review = computeDeadline({ ruleId: 'TS5', pack: 'hertfordshire', from: on('2026-03-02'), calendar });
    expect(needsOutOfTimescaleAuthorisation(on('2026-07-01'), review)).toBe(false);
  });
});
