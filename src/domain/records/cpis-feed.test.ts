import { describe, expect, it } from 'vitest';
import { cpisCsv, cpisFeed, type CpisPlanFact } from './cpis-feed.js';

const plan = (extra: Partial<CpisPlanFact>): CpisPlanFact => ({
  personId: 'p1', nhsNumber: '9434765919', givenNames: 'Alpha', familyName: 'Testington', dateOfBirth: '2019-05-04', expectedDateOfBirth: null,
  planStart: '2026-11-02', planEnd: null, ...extra,
});
const LA = { name: 'Demoshire County Council', contact: '01632 960000' };
const WINDOW = { from: '2026-11-01', to: '2026-11-30' };

describe('the CP-IS feed', () => {
  it('sends each start and end in the window, with the NHS number shown 3-3-4, and leaves out the rest', () => {
    const feed = cpisFeed([
      plan({}),
      plan({ personId: 'p2', familyName: 'Exampleton', planStart: '2025-01-06', planEnd: '2026-11-20', nhsNumber: '4010232137' }),
      plan({ personId: 'p3', planStart: '2026-10-01' }),
    ], WINDOW, LA);
    expect(feed.rows.map((r) => [r.event, r.eventDate, r.nhsNumber])).toEqual([
      ['plan-started', '2026-11-02', '943 476 5919'],
      ['plan-ended', '2026-11-20', '401 023 2137'],
    ]);
    expect(feed.missingNhsNumber).toEqual([]);
  });

  it('never sends a child without a valid NHS number: it lists them to be found', () => {
    const feed = cpisFeed([plan({ nhsNumber: null }), plan({ personId: 'p2', nhsNumber: '9434765918' })], WINDOW, LA);
    expect(feed.rows).toEqual([]);
    expect(feed.missingNhsNumber.map((m) => m.personId)).toEqual(['p1', 'p2']);
  });

  it('writes CSV that a spreadsheet cannot run', () => {
    const csv = cpisCsv(cpisFeed([plan({ familyName: '=HYPERLINK("x")' })], WINDOW, LA).rows);
    expect(csv.split('\r\n')[0]).toBe('event,eventDate,nhsNumber,givenNames,familyName,dateOfBirth,planStart,planEnd,authority,authorityContact');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
