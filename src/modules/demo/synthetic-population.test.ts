import { describe, expect, it } from 'vitest';
import { readCsv } from '../enquiry/csv.js';
import { parseImportRow } from '../enquiry/import-people.js';
import { syntheticPeople, toCsvLine } from './synthetic-population.js';

describe('the synthetic population', () => {
  const today = '2026-03-02';
  it('is the same for the same seed and different for another', () => {
    const a = [...syntheticPeople({ count: 500, seed: 3, today })];
    expect([...syntheticPeople({ count: 500, seed: 3, today })]).toEqual(a);
    expect([...syntheticPeople({ count: 500, seed: 4, today })]).not.toEqual(a);
    expect(a).toHaveLength(500);
  });
  it('puts about 1 child in 200 on a plan, with households, moves, aliases and twins', () => {
    const all = [...syntheticPeople({ count: 60_000, seed: 1, today })];
    const children = all.filter((p) => p.child);
    const rate = children.filter((p) => p.onPlan).length / children.length;
    expect(rate).toBeGreaterThan(0.003);
    expect(rate).toBeLessThan(0.008);
    expect(all.filter((p) => p.previousPostcode).length / all.length).toBeGreaterThan(0.15);
    expect(all.some((p) => p.aliases.length)).toBe(true);
    expect(all.some((p) => p.twinOf)).toBe(true);
  });
  it('writes rows the importer accepts', async () => {
    const lines = [...syntheticPeople({ count: 300, seed: 9, today })].map(toCsvLine).join('\n');
    for await (const record of readCsv((async function* () { yield lines; })())) {
      expect(parseImportRow(record, today), lines.split('\n')[record.line - 1]).not.toHaveProperty('message');
    }
  });
});
