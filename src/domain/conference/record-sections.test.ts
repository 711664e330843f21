import { describe, expect, it } from 'vitest';
import { meetingRules } from './meeting-rules.js';
import { missingSections, readerSees, recordSectionsFor, redactedPartsFor } from './record-sections.js';

describe('record sections (RC1, RC2)', () => {
  it("the chair's record has a summary and conclusions", () => {
    const keys = recordSectionsFor('chairs-record', meetingRules('hertfordshire').record).map((s) => s.key);
    expect(keys).toEqual(expect.arrayContaining(['summary', 'conclusions']));
    expect(keys).not.toContain('essential-facts');
  });
  it('full minutes hold the essential facts and the discussion', () => {
    const keys = recordSectionsFor('full-minutes', meetingRules('national').record).map((s) => s.key);
    expect(keys).toEqual(expect.arrayContaining(['essential-facts', 'information-discussion', 'confidential-information']));
  });
  it('pan-dorset requires the analysis of risk', () => {
    const dorset = recordSectionsFor('full-minutes', meetingRules('pan-dorset').record);
    const national = recordSectionsFor('full-minutes', meetingRules('national').record);
    expect(dorset.find((s) => s.key === 'risk-analysis')?.required).toBe(true);
    expect(national.find((s) => s.key === 'risk-analysis')?.required).toBe(false);
    expect(recordSectionsFor('chairs-record', meetingRules('pan-dorset').record).map((s) => s.key)).toContain('risk-analysis');
  });
  it('lists required sections still empty', () => {
    const specs = recordSectionsFor('full-minutes', meetingRules('national').record);
    expect(missingSections(specs, { 'essential-facts': 'x' }).map((s) => s.key)).toEqual(['information-discussion']);
  });
});

describe('what each reader sees (EX3, RC3, RP4)', () => {
  const professional = { family: false, excludedParts: [], wholeRecord: false } as const;
  const father = { family: true, excludedParts: ['analysis'], wholeRecord: false } as const;
  it('a professional sees everything, confidential included', () => {
    expect(readerSees(professional, 'confidential-information', true)).toBe(true);
    expect(redactedPartsFor(professional)).toEqual([]);
  });
  it('a family member never sees confidential sections, even with the whole record', () => {
    expect(readerSees({ ...father, wholeRecord: true }, 'confidential-information', true)).toBe(false);
    expect(readerSees({ ...father, wholeRecord: true }, 'analysis', false)).toBe(true);
  });
  it('an excluded family member does not see the parts they missed', () => {
    expect(readerSees(father, 'analysis', false)).toBe(false);
    expect(readerSees(father, 'information', false)).toBe(true);
    expect(readerSees(father, null, false)).toBe(true);
    expect(redactedPartsFor(father).sort()).toEqual(['analysis', 'confidential-information']);
  });
});
