import { describe, expect, it } from 'vitest';
import { bundledCalendar } from '../calendar/working-calendar.js';
import { allMeasures, computeIndicators, kp1, kp10, kp2, kp3, kp4, kp5, kp6, kp7, kp8, kp9, type IndicatorContext, type Measure } from './indicators.js';
import { bandOf, icpcTimeliness } from './icpc-timeliness.js';
import { customPeriod, monthPeriod } from './period.js';
import type { ConferenceFact, IndicatorRecords, PlanFact, ReportFact } from './records.js';

const calendar = bundledCalendar('england-and-wales');
const march = monthPeriod('2026-03-01');
const ctx = (over: Partial<IndicatorContext> = {}): IndicatorContext => ({ period: march, calendar, today: '2026-06-01', ...over });

function conference(over: Partial<ConferenceFact> & { id: string }): ConferenceFact {
  return {
    kind: 'initial', status: 'held', pack: 'national', chairId: 'chair-a', heldOn: '2026-03-23', dueDate: '2026-03-23', dueRuleId: 'TS1',
    scheduledStart: null, subjects: [], rearrangements: [], cancellation: null, outOfTimescale: null,
    decisionsFirstSentAt: null, recordFirstSentAt: null, parents: [], childParticipation: [], ...over,
  };
}
const subject = (childId: string, over: Partial<ConferenceFact['subjects'][number]> = {}) => ({
  childId, teamId: 'team-a', s47StartedOn: '2026-03-02', decided: true, quorate: true, ...over,
});
function plan(over: Partial<PlanFact> & { id: string; childId: string }): PlanFact {
  return {
    teamId: 'team-a', chairId: 'chair-a', pack: 'national', startDate: '2026-03-02', endDate: null, previousPlans: 0,
    reviews: [], coreGroups: [], visitFrequencyWeeks: null, visits: [], ...over,
  };
}
const records = (over: Partial<IndicatorRecords>): IndicatorRecords => ({ conferences: [], plans: [], reports: [], ...over });
const figures = (m: Measure) => [m.numerator, m.denominator, m.percent];
const byKey = (ms: readonly Measure[], key: string) => ms.find((m) => m.key === key)!;

describe('ICPC timeliness as the Department measures it', () => {
  it.each([
    ['2026-03-16', 10, '0-10'],
    ['2026-03-23', 15, '11-15'],
    ['2026-03-30', 20, '16-20'],
    ['2026-04-07', 24, '21+'], // skips Good Friday and Easter Monday 2026
  ])('an ICPC on %s after a section 47 started on 2026-03-02 is %i working days, band %s', (heldOn, days, band) => {
    const t = icpcTimeliness(records({ conferences: [conference({ id: 'c', heldOn, subjects: [subject('x')] })] }), ctx({ period: customPeriod('2026-03-01', '2026-04-30') }));
    expect(t.items.map((i) => [i.workingDays, i.band])).toEqual([[days, band]]);
  });

  it('bands, within 15 and the median over several children; a child with no section 47 start is set apart', () => {
    const conferences = ['2026-03-16', '2026-03-23', '2026-03-30', '2026-04-07'].map((heldOn, i) => conference({ id: `c${i}`, heldOn, subjects: [subject(`x${i}`)] }));
    conferences.push(conference({ id: 'no-s47', heldOn: '2026-03-20', subjects: [subject('y', { s47StartedOn: null })] }));
    const t = icpcTimeliness(records({ conferences }), ctx({ period: customPeriod('2026-03-01', '2026-04-30') }));
    expect(t.bands.map((b) => b.count)).toEqual([1, 1, 1, 1]);
    expect([t.count, t.within15, t.within15Percent, t.medianWorkingDays, t.withoutS47]).toEqual([4, 2, 50, 17.5, 1]);
    expect(t.national.map((n) => [n.year, n.within15Percent])).toEqual([[2023, 78.4], [2025, 81.4]]);
  });

  it.each([[0, '0-10'], [10, '0-10'], [11, '11-15'], [15, '11-15'], [16, '16-20'], [20, '16-20'], [21, '21+'], [90, '21+']])('%i working days is band %s', (n, band) => {
    expect(bandOf(n)).toBe(band);
  });
});

describe('KP1 initial conferences within TS1, days late, transfer-ins within TS2', () => {
  const conferences = [
    conference({ id: 'on-time', heldOn: '2026-03-23', dueDate: '2026-03-23', subjects: [subject('a'), subject('b', { teamId: 'team-b' })] }),
    conference({ id: 'late', heldOn: '2026-03-25', dueDate: '2026-03-23', chairId: 'chair-b', subjects: [subject('c')] }),
    conference({ id: 'transfer', kind: 'transfer-in', heldOn: '2026-03-10', dueDate: '2026-03-09', subjects: [subject('d', { s47StartedOn: null })] }),
    conference({ id: 'april', heldOn: '2026-04-01', dueDate: '2026-04-02', subjects: [subject('e')] }),
    conference({ id: 'not-held', status: 'booked', heldOn: null, subjects: [subject('f')] }),
  ];
  it.each([
    ['everyone', {}, [2, 3, 66.7], [0, 1, 0]],
    ['team-a', { teamId: 'team-a' }, [1, 2, 50], [0, 1, 0]],
    ['team-b', { teamId: 'team-b' }, [1, 1, 100], [0, 0, null]],
    ['chair-b', { chairId: 'chair-b' }, [0, 1, 0], [0, 0, null]],
    ['another pack', { pack: 'newcastle' as const }, [0, 0, null], [0, 0, null]],
  ])('for %s', (_name, filter, icpc, transfer) => {
    const kp = kp1(records({ conferences }), ctx({ filter }));
    expect(figures(byKey(kp.measures, 'KP1.icpc'))).toEqual(icpc);
    expect(figures(byKey(kp.measures, 'KP1.transfer-in'))).toEqual(transfer);
  });
  it('names the children behind the figure and the working days late', () => {
    const m = byKey(kp1(records({ conferences }), ctx()).measures, 'KP1.icpc');
    expect(m.childIds).toEqual(['a', 'b', 'c']);
    expect(m.items.find((i) => !i.met)?.detail).toBe('Held 2026-03-25, 2 working days after the due date 2026-03-23');
    expect(m.note).toBe('1 late, by a median of 2 working days (longest 2)');
  });
});

describe('KP2 reviews within TS5 / TS6', () => {
  const p = plan({ id: 'p', childId: 'a', startDate: '2026-01-05', reviews: [{ heldOn: '2026-04-01', kind: 'review' }] });
  it.each([
    ['the first review, held in time', monthPeriod('2026-04-01'), '2026-06-01', [1, 1, 100]],
    ['the second review, due 2026-10-01 and not held', monthPeriod('2026-10-01'), '2026-11-01', [0, 1, 0]],
    ['the second review, not yet due today', monthPeriod('2026-10-01'), '2026-09-01', [0, 0, null]],
    ['a month with nothing due', monthPeriod('2026-07-01'), '2026-11-01', [0, 0, null]],
  ])('%s', (_name, period, today, expected) => {
    expect(figures(kp2(records({ plans: [p] }), ctx({ period, today })).measures[0]!)).toEqual(expected);
  });
  it('a review held late still counts the next one from the day it was held; a plan ended first is not counted', () => {
    const late = plan({ id: 'l', childId: 'b', startDate: '2026-01-05', reviews: [{ heldOn: '2026-04-10', kind: 'review' }] });
    const ended = plan({ id: 'e', childId: 'c', startDate: '2026-01-05', endDate: '2026-03-01' });
    const m = kp2(records({ plans: [late, ended] }), ctx({ period: customPeriod('2026-04-01', '2026-10-31'), today: '2026-11-01' })).measures[0]!;
    expect(m.items.map((i) => [i.date, i.met])).toEqual([['2026-04-05', false], ['2026-10-10', false]]);
  });
});

describe('KP3 core groups within TS8 and TS9', () => {
  it.each([
    ['first in time, next late', [{ heldOn: '2026-03-13', nextIntervalWeeks: 6 }, { heldOn: '2026-04-28', nextIntervalWeeks: 6 }], [1, 1, 100], [0, 1, 0]],
    ['first late', [{ heldOn: '2026-03-17', nextIntervalWeeks: null }], [0, 1, 0], [0, 0, null]],
    ['none held', [], [0, 1, 0], [0, 0, null]],
  ])('%s', (_name, coreGroups, first, later) => {
    const kp = kp3(records({ plans: [plan({ id: 'p', childId: 'a', coreGroups })] }), ctx({ period: customPeriod('2026-03-01', '2026-05-31') }));
    expect(figures(byKey(kp.measures, 'KP3.first'))).toEqual(first);
    expect(figures(byKey(kp.measures, 'KP3.later'))).toEqual(later);
  });
});

describe('KP3 core groups: what is not counted', () => {
  it('a plan ended before its first core group fell due is not counted, nor a core group with no interval recorded', () => {
    const ended = plan({ id: 'e', childId: 'a', endDate: '2026-03-10' });
    const open = plan({ id: 'o', childId: 'b', coreGroups: [{ heldOn: '2026-03-12', nextIntervalWeeks: null }] });
    const kp = kp3(records({ plans: [ended, open] }), ctx({ period: customPeriod('2026-03-01', '2026-05-31') }));
    expect(byKey(kp.measures, 'KP3.first').items.map((i) => [i.childIds[0], i.date, i.met])).toEqual([['b', '2026-03-16', true]]);
    expect(byKey(kp.measures, 'KP3.later').denominator).toBe(0);
  });
});

describe('KP4 decisions within TS10, records within TS11', () => {
  it.each([
    ['both in time', '2026-03-24T16:00', '2026-04-08T09:00', [1, 1, 100], [1, 1, 100]],
    ['decisions a day late, record after Easter too late', '2026-03-25T09:00', '2026-04-09T09:00', [0, 1, 0], [0, 1, 0]],
    ['nothing sent', null, null, [0, 1, 0], [0, 1, 0]],
  ])('%s', (_name, decisionsFirstSentAt, recordFirstSentAt, decisions, record) => {
    const c = conference({ id: 'c', heldOn: '2026-03-23', scheduledStart: '2026-03-23T10:00', subjects: [subject('a')], decisionsFirstSentAt, recordFirstSentAt });
    const kp = kp4(records({ conferences: [c] }), ctx());
    expect(figures(byKey(kp.measures, 'KP4.decisions'))).toEqual(decisions);
    expect(figures(byKey(kp.measures, 'KP4.record'))).toEqual(record);
  });
  it('newcastle counts 24 hours from the conference', () => {
    const c = (id: string, sent: string) => conference({ id, pack: 'newcastle', heldOn: '2026-03-23', scheduledStart: '2026-03-23T10:00', subjects: [subject(id)], decisionsFirstSentAt: sent });
    const m = byKey(kp4(records({ conferences: [c('in', '2026-03-24T09:59'), c('out', '2026-03-24T10:30')] }), ctx()).measures, 'KP4.decisions');
    expect(m.items.map((i) => [i.childIds[0], i.met])).toEqual([['in', true], ['out', false]]);
  });
});

describe('KP5 reports to the chair and to parents', () => {
  const c = conference({ id: 'c', heldOn: '2026-03-23', scheduledStart: '2026-03-23T10:00', subjects: [subject('a'), subject('b')] });
  const report = (id: string, over: Partial<ReportFact>): ReportFact => ({ id, conferenceId: 'c', childIds: ['a'], kind: 'agency', submittedAt: null, firstSharedAt: null, ...over });
  it('counts each social work and agency report against TS12–TS15, never the family’s own views', () => {
    const reports = [
      report('sw', { kind: 'social-work', submittedAt: '2026-03-19T12:00', firstSharedAt: '2026-03-20T12:00' }),
      report('ag-late', { submittedAt: '2026-03-23T08:00', firstSharedAt: '2026-03-23T08:30' }),
      report('missing', { childIds: ['b'] }),
      report('family', { kind: 'family-views', submittedAt: '2026-03-23T08:00' }),
    ];
    const kp = kp5(records({ conferences: [c], reports }), ctx());
    expect(figures(byKey(kp.measures, 'KP5.chair'))).toEqual([1, 3, 33.3]);
    expect(figures(byKey(kp.measures, 'KP5.family'))).toEqual([1, 3, 33.3]);
    expect(byKey(kp.measures, 'KP5.chair').childIds).toEqual(['a', 'b']);
  });
});

describe('KP6 visits within TS24', () => {
  it.each([
    ['seen every two weeks', [{ visitedOn: '2026-03-13', childSeen: true }, { visitedOn: '2026-03-26', childSeen: true }], [1, 1, 100]],
    ['a visit without seeing the child does not count', [{ visitedOn: '2026-03-13', childSeen: false }, { visitedOn: '2026-03-20', childSeen: true }], [0, 1, 0]],
    ['no frequency set: not counted', null, [0, 0, null]],
  ])('%s', (_name, visits, expected) => {
    const p = plan({ id: 'p', childId: 'a', visitFrequencyWeeks: visits ? 2 : null, visits: visits ?? [] });
    expect(figures(kp6(records({ plans: [p] }), ctx({ today: '2026-03-31' })).measures[0]!)).toEqual(expected);
  });
});

describe('KP6 visits: the period and the plan’s end', () => {
  it('a plan that ended counts only visits due while it ran, and a visit due after today is not yet missed', () => {
    const ended = plan({ id: 'e', childId: 'a', visitFrequencyWeeks: 1, endDate: '2026-03-05' });
    const running = plan({ id: 'r', childId: 'b', visitFrequencyWeeks: 4, startDate: '2026-03-02' });
    const m = kp6(records({ plans: [ended, running] }), ctx({ today: '2026-03-20' })).measures[0]!;
    expect(m.items.map((i) => [i.childIds[0], i.met])).toEqual([['a', true], ['b', true]]);
    const later = kp6(records({ plans: [running] }), ctx({ today: '2026-04-10' })).measures[0]!;
    expect(later.items.map((i) => [i.met, i.detail])).toEqual([[false, 'due by 2026-03-30, not seen by 2026-03-31 (1 day late)']]);
  });
});

describe('KP6 visits: a child still not seen since before the period', () => {
  it('is not "always seen in time" in a month when a visit missed before it is still outstanding, nor after a late visit in it', () => {
    const stillMissing = plan({ id: 'm', childId: 'a', visitFrequencyWeeks: 2, startDate: '2026-01-05', visits: [{ visitedOn: '2026-02-02', childSeen: true }] });
    const seenLateInMonth = plan({ id: 'l', childId: 'b', visitFrequencyWeeks: 2, startDate: '2026-01-05', visits: [{ visitedOn: '2026-02-02', childSeen: true }, { visitedOn: '2026-03-10', childSeen: true }, { visitedOn: '2026-03-20', childSeen: true }] });
    const caughtUpBefore = plan({ id: 'c', childId: 'c', visitFrequencyWeeks: 2, startDate: '2026-01-05', visits: [{ visitedOn: '2026-02-02', childSeen: true }, { visitedOn: '2026-02-25', childSeen: true }, { visitedOn: '2026-03-06', childSeen: true }, { visitedOn: '2026-03-19', childSeen: true }] });
    const m = kp6(records({ plans: [stillMissing, seenLateInMonth, caughtUpBefore] }), ctx({ today: '2026-03-31' })).measures[0]!;
    expect(m.items.map((i) => [i.childIds[0], i.met])).toEqual([['a', false], ['b', false], ['c', true]]);
  });
});

describe('KP7 long plans and designated reviews', () => {
  it.each([
    ['over 2 years', '2024-01-10', '2026-03-20', true, true],
    ['22 months', '2024-05-01', '2026-03-05', true, false],
    ['9 months', '2025-06-01', '2026-03-05', false, false],
  ])('a plan that ended in March after %s', (_name, startDate, endDate, m21, y2) => {
    const kp = kp7(records({ plans: [plan({ id: 'p', childId: 'a', startDate, endDate })] }), ctx());
    expect(byKey(kp.measures, 'KP7.ended-21-months').numerator).toBe(m21 ? 1 : 0);
    expect(byKey(kp.measures, 'KP7.ended-2-years').numerator).toBe(y2 ? 1 : 0);
    expect(byKey(kp.measures, 'KP7.ended-2-years').denominator).toBe(1);
  });
  it('counts open plans past 21 months, and the 4th review held as a designated review only where the pack has TS7', () => {
    const reviews = (kind: string) => ['2024-09-01', '2025-03-01', '2025-09-01', '2026-03-02'].map((heldOn, i) => ({ heldOn, kind: i === 3 ? kind : 'review' }));
    const plans = [
      plan({ id: 'n1', childId: 'a', pack: 'newcastle', startDate: '2024-06-01', reviews: reviews('designated-review') }),
      plan({ id: 'n2', childId: 'b', pack: 'newcastle', startDate: '2024-06-01', reviews: reviews('review') }),
      plan({ id: 'h', childId: 'c', pack: 'hertfordshire', startDate: '2024-06-01', reviews: reviews('review') }),
      plan({ id: 'new', childId: 'd', startDate: '2026-01-01' }),
    ];
    const kp = kp7(records({ plans }), ctx({ today: '2026-03-31' }));
    expect(figures(byKey(kp.measures, 'KP7.designated'))).toEqual([1, 2, 50]);
    expect(figures(byKey(kp.measures, 'KP7.open-21-months'))).toEqual([3, 4, 75]);
  });
});

describe('KP8 repeat plans', () => {
  it.each([
    ['a first plan', [], 0, false, false],
    ['after a plan that ended 14 months before', [{ startDate: '2024-06-01', endDate: '2025-01-01' }], 0, true, true],
    ['after a plan that ended 3 years before', [{ startDate: '2022-06-01', endDate: '2023-01-01' }], 0, true, false],
    ['recorded as having 2 earlier plans outside Convene', [], 2, true, false],
  ])('%s', (_name, earlier, previousPlans, repeat, within2) => {
    const plans = [plan({ id: 'now', childId: 'a', startDate: '2026-03-02', previousPlans }), ...earlier.map((e, i) => plan({ id: `old${i}`, childId: 'a', ...e }))];
    const kp = kp8(records({ plans }), ctx());
    expect(byKey(kp.measures, 'KP8.repeat').items.map((i) => i.met)).toEqual([repeat]);
    expect(byKey(kp.measures, 'KP8.within-2-years').items.map((i) => i.met)).toEqual([within2]);
  });
});

describe('KP8 repeat plans: who is behind the figure', () => {
  it('names the child of each plan started in the period, once, and ignores plans started outside it', () => {
    const plans = [
      plan({ id: 'old', childId: 'a', startDate: '2024-01-01', endDate: '2024-12-01' }),
      plan({ id: 'new', childId: 'a', startDate: '2026-03-10' }),
      plan({ id: 'other', childId: 'b', startDate: '2026-03-20' }),
      plan({ id: 'april', childId: 'c', startDate: '2026-04-01' }),
    ];
    const kp = kp8(records({ plans }), ctx());
    expect(figures(byKey(kp.measures, 'KP8.repeat'))).toEqual([1, 2, 50]);
    expect(figures(byKey(kp.measures, 'KP8.within-2-years'))).toEqual([1, 2, 50]);
    expect(byKey(kp.measures, 'KP8.repeat').childIds).toEqual(['a', 'b']);
  });
});

describe('KP9 cancellations, rearrangements and TS30', () => {
  it('lists each change with its reason and counts late conferences authorised in writing', () => {
    const conferences = [
      conference({ id: 'cancelled', status: 'cancelled', heldOn: null, subjects: [subject('a')], cancellation: { on: '2026-03-10', reason: 'Family moved out of the area' } }),
      conference({ id: 'moved', heldOn: '2026-03-20', dueDate: '2026-03-23', subjects: [subject('b')], rearrangements: [{ on: '2026-03-05', reason: 'Chair ill' }] }),
      conference({ id: 'late-ok', heldOn: '2026-03-25', dueDate: '2026-03-23', subjects: [subject('c')], outOfTimescale: { decision: 'approved' } }),
      conference({ id: 'late-no', heldOn: '2026-03-26', dueDate: '2026-03-23', subjects: [subject('d')] }),
    ];
    const kp = kp9(records({ conferences }), ctx());
    const changed = byKey(kp.measures, 'KP9.changed');
    expect(figures(changed)).toEqual([2, 4, 50]);
    expect(changed.items.filter((i) => i.met).map((i) => i.detail)).toEqual(['cancelled 2026-03-10: Family moved out of the area', 'rearranged 2026-03-05: Chair ill']);
    expect(figures(byKey(kp.measures, 'KP9.ts30'))).toEqual([1, 2, 50]);
    expect(byKey(kp.measures, 'KP9.ts30').childIds).toEqual(['c', 'd']);
  });
});

describe('KP10 quorum, parents, children and advocacy', () => {
  it('counts per child decided, per conference with parents expected, per child assessed and per advocate offered', () => {
    const part = (childId: string, over: Partial<ConferenceFact['childParticipation'][number]>) => ({ childId, wish: 'attend', attendance: 'none', viewsRoutes: [], advocacyOffered: false, advocacyConsent: 'not-yet-asked', ...over });
    const conferences = [
      conference({
        id: 'c1', subjects: [subject('a'), subject('b', { quorate: false }), subject('z', { decided: false, quorate: null })],
        parents: [{ status: 'present' }, { status: 'apologies' }],
        childParticipation: [
          part('a', { attendance: 'part', advocacyOffered: true, advocacyConsent: 'given' }),
          part('b', { wish: 'not-attend', viewsRoutes: ['advocate'], advocacyOffered: true, advocacyConsent: 'refused' }),
          part('z', { wish: 'too-young' }),
        ],
      }),
      conference({ id: 'c2', subjects: [subject('c')], parents: [{ status: 'absent' }], childParticipation: [part('c', { wish: 'not-attend' })] }),
    ];
    const kp = kp10(records({ conferences }), ctx());
    expect(figures(byKey(kp.measures, 'KP10.quorate'))).toEqual([2, 3, 66.7]);
    expect(figures(byKey(kp.measures, 'KP10.parents'))).toEqual([1, 2, 50]);
    expect(figures(byKey(kp.measures, 'KP10.child'))).toEqual([2, 3, 66.7]);
    expect(figures(byKey(kp.measures, 'KP10.advocacy'))).toEqual([1, 2, 50]);
  });
});

describe('every indicator together', () => {
  it('says a window with nothing in it is empty, and gives all ten indicators', () => {
    const report = computeIndicators(records({}), ctx());
    expect(report.empty).toBe(true);
    expect(report.indicators.map((i) => i.id)).toEqual(['KP1', 'KP2', 'KP3', 'KP4', 'KP5', 'KP6', 'KP7', 'KP8', 'KP9', 'KP10']);
    for (const m of allMeasures(report)) {
      expect(m.definition.length).toBeGreaterThan(40);
      expect(m.rule).toMatch(/^(TS|CV|CF|IN|KP)\d/);
    }
  });
  it('is not empty once one conference was held in the window', () => {
    const report = computeIndicators(records({ conferences: [conference({ id: 'c', subjects: [subject('a')] })] }), ctx());
    expect(report.empty).toBe(false);
    expect(report.icpcTimeliness.count).toBe(1);
  });
});
