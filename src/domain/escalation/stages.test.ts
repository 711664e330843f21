import { describe, expect, it } from 'vitest';
import { COMPLAINT_STAGES, complaintStepsFrom, dissentStepsFrom, nextComplaintStage, nextDissentStage } from './stages.js';

describe('family complaint stages (CO1)', () => {
  it('goes chair → complaints procedure → reconvened conference under a different chair → review panel → closed', () => {
    let stage = nextComplaintStage('chair', 'escalate');
    expect(stage).toBe('complaints-procedure');
    stage = nextComplaintStage(stage, 'uphold');
    expect(stage).toBe('reconvened-conference');
    stage = nextComplaintStage(stage, 'to-review-panel');
    expect(stage).toBe('review-panel');
    expect(nextComplaintStage(stage, 'close')).toBe('closed');
  });
  it('can be resolved informally by the chair', () => {
    expect(nextComplaintStage('chair', 'resolve')).toBe('closed');
  });
  it('refuses skipping a stage and anything after closing, saying what is possible', () => {
    expect(() => nextComplaintStage('chair', 'uphold')).toThrow(/can only be: resolve, escalate/);
    expect(() => nextComplaintStage('closed', 'escalate')).toThrow(/closed/);
  });
  it('every stage but closed has a way forward', () => {
    for (const s of COMPLAINT_STAGES) expect(complaintStepsFrom(s).length > 0).toBe(s !== 'closed');
  });
});

describe('professional dissent escalation (CO2)', () => {
  it('ends in the decision upheld or the review brought forward', () => {
    const atManager = nextDissentStage('raised', 'alert-service-manager');
    expect(nextDissentStage(atManager, 'uphold-decision')).toBe('upheld');
    expect(nextDissentStage(atManager, 'bring-review-forward')).toBe('review-brought-forward');
  });
  it('reaches the partnership chair only as a last resort, after the service manager', () => {
    expect(() => nextDissentStage('raised', 'to-partnership-chair')).toThrow();
    expect(nextDissentStage('with-service-manager', 'to-partnership-chair')).toBe('partnership-chair');
  });
  it('is final once decided', () => {
    expect(dissentStepsFrom('upheld')).toEqual([]);
    expect(dissentStepsFrom('review-brought-forward')).toEqual([]);
  });
});
