import { describe, expect, it } from 'vitest';
import { sign, signaturesNeeded, type Signature } from './out-of-timescale.js';

const first: Signature = { userId: 'u1', name: 'Sid', note: 'Authorised', at: '2026-03-02T10:00:00Z' };

describe('TS30 signatories', () => {
  it.each([
    ['national', 1],
    ['hertfordshire', 2],
    ['newcastle', 2],
    ['nottinghamshire', 2],
  ] as const)('%s needs %i', (pack, count) => {
    expect(signaturesNeeded(pack).count).toBe(count);
  });

  it.each([
    [[], 1, 'approved', 'u1', 'approved'],
    [[], 2, 'approved', 'u1', 'awaiting-second'],
    [[first], 2, 'approved', 'u2', 'approved'],
    [[first], 2, 'approved', 'u1', 'same-person'],
    [[first], 2, 'refused', 'u2', 'refused'],
    [[], 2, 'refused', 'u1', 'refused'],
  ] as const)('signatures %o, %i needed, %s by %s → %s', (existing, needed, decision, userId, outcome) => {
    expect(sign(existing, needed, decision, userId).outcome).toBe(outcome);
  });

  it('the second signature approves; the first signatory cannot sign twice; a refusal ends it at once', () => {
    expect(sign([], 2, 'approved', 'u1').outcome).toBe('awaiting-second');
    expect(sign([first], 2, 'approved', 'u1').outcome).toBe('same-person');
    expect(sign([first], 2, 'approved', 'u2').outcome).toBe('approved');
    expect(sign([], 2, 'refused', 'u1').outcome).toBe('refused');
  });
});
