import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/working-calendar.js';
import { nextVisitDue, openVisitBreach, visitBreaches, visitFrequencyProblem } from './visits.js';
import type { PackId } from '../packs/pack-id.js';

const calendar = bundledCalendar('england-and-wales');
const base = { calendar, planStartedOn: '2026-03-02' };

describe('TS24 next statutory visit', () => {
  it('is due the plan frequency after the last visit at which the child was seen', () => {
    const next = nextVisitDue({ ...base, pack: 'national', frequencyWeeks: 2, visits: [{ visitedOn: '2026-03-10', childSeen: true }, { visitedOn: '2026-03-20', childSeen: false }] });
    expect(next.lastSeenOn).toBe('2026-03-10');
    expect(next.deadline?.due).toEqual({ kind: 'date', date: '2026-03-24' });
  });

  it('counts from the start of the plan before any visit', () => {
    const next = nextVisitDue({ ...base, pack: 'national', frequencyWeeks: 1, visits: [] });
    expect(next.deadline?.due).toEqual({ kind: 'date', date: '2026-03-09' });
  });

  it('nottinghamshire: every 4 weeks at least, even with no frequency in the plan', () => {
    expect(nextVisitDue({ ...base, pack: 'nottinghamshire', frequencyWeeks: null, visits: [] }).deadline?.due).toEqual({ kind: 'date', date: '2026-03-30' });
    expect(nextVisitDue({ ...base, pack: 'nottinghamshire', frequencyWeeks: 6, visits: [] }).deadline?.due).toEqual({ kind: 'date', date: '2026-03-30' });
  });

  it('says a frequency is needed where the plan sets none', () => {
    const next = nextVisitDue({ ...base, pack: 'national', frequencyWeeks: null, visits: [] });
    expect(next.deadline).toBeNull();
    expect(next.problem).toMatch(/frequency/);
  });
});

describe('CG3 missed visits flagged', () => {
  const visits = [
    { visitedOn: '2026-03-10', childSeen: true },
    { visitedOn: '2026-03-24', childSeen: false },
    { visitedOn: '2026-04-14', childSeen: true },
  ];

  it('finds each period the child went unseen beyond the frequency, and the one still open', () => {
    const breaches = visitBreaches({ ...base, pack: 'national', frequencyWeeks: 2, visits }, Temporal.PlainDate.from('2026-05-01'));
    expect(breaches).toEqual([
      { dueBy: '2026-03-24', seenOn: '2026-04-14', daysLate: 21, visitsNotSeen: 1 },
      { dueBy: '2026-04-28', seenOn: null, daysLate: 3, visitsNotSeen: 0 },
    ]);
  });

  it('finds none when every visit was in time', () => {
    const breaches = visitBreaches({ ...base, pack: 'national', frequencyWeeks: 6, visits }, Temporal.PlainDate.from('2026-05-01'));
    expect(breaches).toEqual([]);
  });

  it('a frequency change is refused beyond the pack standard', () => {
    expect(visitFrequencyProblem('nottinghamshire', 6)).toMatch(/every 4 weeks/);
    expect(visitFrequencyProblem('nottinghamshire', 3)).toBeNull();
    expect(visitFrequencyProblem('national', 8)).toBeNull();
    expect(visitFrequencyProblem('national', 0)).toMatch(/whole number/);
  });
});

describe('the breach still open today', () => {
  it('is the open breach visitBreaches finds, for 2,000 generated plans in two packs', () => {
    let x = 11;
    const next = (n: number) => (x = (x * 1103515245 + 12345) % 2147483648) % n;
    const calendar = bundledCalendar('england-and-wales');
    let open = 0;
    for (let i = 0; i < 2000; i++) {
      const start = Temporal.PlainDate.from('2025-09-01').add({ days: next(300) });
      const visits: { visitedOn: string; childSeen: boolean }[] = [];
      let on = start;
      for (let v = next(7); v > 0; v--) {
        on = on.add({ days: next(3) === 0 ? 0 : 1 + next(40) });
        visits.push({ visitedOn: on.toString(), childSeen: next(3) !== 0 });
      }
      const facts = { pack: (i % 2 ? 'national' : 'nottinghamshire') as PackId, calendar, planStartedOn: start.toString(), frequencyWeeks: [null, 1, 2, 4, 6][next(5)]!, visits };
      const today = Temporal.PlainDate.from('2026-08-03').add({ days: next(90) });
      const expected = visitBreaches(facts, today).find((b) => b.seenOn === null) ?? null;
      if (expected) open += 1;
      expect(openVisitBreach(facts, today)).toEqual(expected);
    }
    expect(open).toBeGreaterThan(500);
  });
});
