import { describe, expect, it } from 'vitest';
import { agencyCounterKey, parseApiKey, rateWindow } from './api-key.js';

const secret = 'A'.repeat(40) + '_-9';

describe('enquiry API keys', () => {
  it.each([
    [`Bearer cvn_abcdef0123_${secret}`, { prefix: 'abcdef0123', secret }],
    [`cvn_abcdef0123_${secret}`, null],
    [`Bearer cvn_ABCDEF0123_${secret}`, null],
    [`Bearer cvn_abcdef0123_${secret}x`, null],
    ['Bearer ', null],
    [undefined, null],
  ])('%s → %o', (header, expected) => {
    expect(parseApiKey(header)).toEqual(expected);
  });

  it('counts by the minute, and says how long until the next one', () => {
    expect(rateWindow(new Date('2026-12-07T03:10:45.500Z'))).toEqual({ minute: new Date('2026-12-07T03:10:00Z'), retryAfterSeconds: 15 });
    expect(rateWindow(new Date('2026-12-07T03:10:00Z'))).toEqual({ minute: new Date('2026-12-07T03:10:00Z'), retryAfterSeconds: 60 });
  });

  it('counts an agency’s keys under one name whatever its case and spacing', () => {
    expect(agencyCounterKey('  Demoshire   Police (system) ')).toBe('demoshire police (system)');
    expect(agencyCounterKey('DEMOSHIRE POLICE (SYSTEM)')).toBe(agencyCounterKey('Demoshire Police (system)'));
  });
});
