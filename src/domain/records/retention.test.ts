import { describe, expect, it } from 'vitest';
import { describeRetentionSchedule, retentionSchedule } from '../packs/retention.js';
import { PACK_IDS } from '../packs/pack-id.js';
import { anniversary, auditReviewDueOn, classifyCaseRecords, disposalRefusal, retentionDue, type RetentionFacts } from './retention.js';

const schedule = retentionSchedule('national');
const plan = (facts: Partial<RetentionFacts>): RetentionFacts => ({ dateOfBirth: null, expectedDeliveryDate: null, closedOn: null, records: [{ type: 'case-with-plan', id: 'case-1' }], ...facts });

describe('RC7 retention schedule', () => {
  it('an anniversary of 29 February in a common year is 1 March, never earlier', () => {
    expect(anniversary('2008-02-29', 25)).toBe('2033-03-01');
    expect(anniversary('2008-02-29', 4)).toBe('2012-02-29');
    expect(anniversary('2020-01-31', 6)).toBe('2026-01-31');
  });

  const rows: { name: string; facts: RetentionFacts; due: string | null; governing: string | null }[] = [
    { name: 'an open case', facts: plan({ dateOfBirth: '2005-06-15' }), due: null, governing: null },
    { name: 'a plan closed before the 18th birthday', facts: plan({ dateOfBirth: '2005-06-15', closedOn: '2020-01-10' }), due: '2030-06-15', governing: 'case-with-plan' },
    { name: 'a child born on 29 February', facts: plan({ dateOfBirth: '2008-02-29', closedOn: '2020-01-10' }), due: '2033-03-01', governing: 'case-with-plan' },
    { name: 'a case closed late: six years after closure is later than the 25th birthday', facts: plan({ dateOfBirth: '2000-01-01', closedOn: '2022-05-01' }), due: '2028-05-01', governing: 'case-with-plan' },
    { name: 'an unborn child: the expected date stands in', facts: plan({ expectedDeliveryDate: '2024-03-01', closedOn: '2024-06-01' }), due: '2049-03-01', governing: 'case-with-plan' },
    { name: 'no date of birth or expected date: 25 years after closure', facts: plan({ closedOn: '2020-02-29' }), due: '2045-03-01', governing: 'case-with-plan' },
    {
      name: 'an unsubstantiated section 47', due: '2026-03-01', governing: 'section-47-unsubstantiated',
      facts: plan({ dateOfBirth: '2012-01-01', closedOn: '2020-02-29', records: [{ type: 'section-47-unsubstantiated', id: 'case-1' }, { type: 'section-47-unsubstantiated', id: 's47-1' }] }),
    },
    {
      name: 'a referral closed with no further action', due: '2024-03-31', governing: 'referral-no-further-action',
      facts: plan({ dateOfBirth: '2012-01-01', closedOn: '2021-03-31', records: [{ type: 'referral-no-further-action', id: 'case-1' }, { type: 'referral-no-further-action', id: 'r-1' }] }),
    },
    {
      name: 'a conference that made no plan: counted from the birthday', due: '2037-09-09', governing: 'conference-record',
      facts: plan({ dateOfBirth: '2012-09-09', closedOn: '2021-03-31', records: [{ type: 'conference-record', id: 'case-1' }, { type: 'conference-record', id: 'c-1' }, { type: 'section-47-unsubstantiated', id: 's-1' }] }),
    },
    { name: 'a closed case with no records of its own', facts: plan({ closedOn: '2021-03-31', records: [] }), due: '2027-03-31', governing: 'case-other' },
  ];
  for (const row of rows) {
    const label = `${row.name} → ${row.due ?? 'never while open'}`;
    it(label, () => {
      const due = retentionDue(row.facts, schedule);
      expect(due.caseDueOn).toBe(row.due);
      expect(due.governingType).toBe(row.governing);
      expect(due.open).toBe(row.facts.closedOn === null);
    });
  }

  it('is never due while the case is open, whatever the age', () => {
    const due = retentionDue(plan({ dateOfBirth: '1950-01-01', records: [{ type: 'referral-no-further-action', id: 'r' }] }), schedule);
    expect(due).toMatchObject({ open: true, caseDueOn: null });
    expect(due.records.every((r) => r.dueOn === null)).toBe(true);
  });

  it('gives each record its own date and explains the one that governs', () => {
    const due = retentionDue(plan({ dateOfBirth: '2010-05-05', closedOn: '2019-01-01', records: [{ type: 'conference-record', id: 'case' }, { type: 'referral-no-further-action', id: 'r' }] }), schedule);
    expect(due.records.map((r) => [r.id, r.dueOn])).toEqual([['case', '2035-05-05'], ['r', '2022-01-01']]);
    expect(due.explanation).toContain('7 years after the 18th birthday');
  });

  it('every pack has a schedule, and a silent pack inherits national', () => {
    for (const pack of PACK_IDS) expect(retentionSchedule(pack).entries).toEqual(schedule.entries);
    expect(auditReviewDueOn('2020-02-29', schedule)).toBe('2027-03-01');
    expect(schedule.entries.audit.neverDisposed).toMatch(/never deleted/);
  });

  it('classifies a case by the most serious thing in its history', () => {
    const base = { caseId: 'c', planIds: [], conferenceIds: [], section47s: [], referrals: [], assessmentCount: 0 };
    expect(classifyCaseRecords({ ...base, planIds: ['p'], conferenceIds: ['k'] })).toEqual([{ type: 'case-with-plan', id: 'c' }]);
    expect(classifyCaseRecords({ ...base, conferenceIds: ['k'] })).toEqual([{ type: 'conference-record', id: 'c' }, { type: 'conference-record', id: 'k' }]);
    expect(classifyCaseRecords({ ...base, section47s: [{ id: 's', outcome: 'not-substantiated' }] })[0]?.type).toBe('section-47-unsubstantiated');
    expect(classifyCaseRecords({ ...base, section47s: [{ id: 's', outcome: 'continuing-risk' }] })[0]?.type).toBe('case-other');
    expect(classifyCaseRecords({ ...base, referrals: [{ id: 'r', decision: 'no-further-action' }] })).toEqual([{ type: 'referral-no-further-action', id: 'c' }, { type: 'referral-no-further-action', id: 'r' }]);
    expect(classifyCaseRecords({ ...base, referrals: [{ id: 'r', decision: 'no-further-action' }], assessmentCount: 1 })[0]?.type).toBe('case-other');
  });

  it('refuses disposal of an open case, a held case, a case not yet due, and one already disposed of', () => {
    const closed = retentionDue(plan({ dateOfBirth: '2000-01-01', closedOn: '2010-01-01' }), schedule);
    const open = retentionDue(plan({ dateOfBirth: '2000-01-01' }), schedule);
    const base = { due: closed, today: '2030-01-01', legalHoldReason: null, disposedAt: null };
    expect(disposalRefusal(base)).toBeNull();
    expect(disposalRefusal({ ...base, due: open })).toMatch(/open/);
    expect(disposalRefusal({ ...base, legalHoldReason: 'Care proceedings' })).toMatch(/legal hold: Care proceedings/);
    expect(disposalRefusal({ ...base, today: '2024-12-31' })).toMatch(/not due for review until 1 January 2025/);
    expect(disposalRefusal({ ...base, disposedAt: new Date(0) })).toMatch(/already/);
  });
});

describe('RC7 retention schedule in words', () => {
  it('describes each entry without file names', () => {
    const words = describeRetentionSchedule(schedule);
    expect(words['A case in which the child had a child protection plan']).toBe('7 years after the 18th birthday; at least 6 years after the case closed; 25 years after the case closed when no date of birth is recorded');
    expect(words['The audit trail']).toBe('7 years after the event; reviewed, never deleted');
    expect(JSON.stringify(words)).not.toMatch(/\.txt/);
  });
});
