import { describe, expect, it } from 'vitest';
import { codeIsLive, maskEmail, normaliseCode, REPORT_CODE_ATTEMPTS, reportLinkState } from './report-link.js';
import { itAnswersEach } from '../../../test/support/answer-tables.js';

const now = new Date('2026-03-02T10:00:00Z');
const later = new Date('2026-03-09T10:00:00Z');

describe('report links (issue 17)', () => {
  it.each([
    [{ expiresAt: later, usedAt: null, attempts: 0 }, 'open'],
    [{ expiresAt: later, usedAt: null, attempts: REPORT_CODE_ATTEMPTS - 1 }, 'open'],
    [{ expiresAt: later, usedAt: null, attempts: REPORT_CODE_ATTEMPTS }, 'locked'],
    [{ expiresAt: now, usedAt: null, attempts: 0 }, 'expired'],
    [{ expiresAt: later, usedAt: now, attempts: 0 }, 'used'],
    [{ expiresAt: now, usedAt: now, attempts: 9 }, 'used'],
  ] as const)('%o is %s', (link, state) => {
    expect(reportLinkState(link, now)).toBe(state);
  });

  it('a code is live until its expiry, and not at all once cleared', () => {
    expect(codeIsLive({ codeHash: 'h', codeExpiresAt: later }, now)).toBe(true);
    expect(codeIsLive({ codeHash: 'h', codeExpiresAt: now }, now)).toBe(false);
    expect(codeIsLive({ codeHash: null, codeExpiresAt: later }, now)).toBe(false);
  });

  itAnswersEach('masks %s as %s', maskEmail, [
    ['jane.doe@agency.example', 'j***@agency.example'],
    ['j@a.example', 'j***@a.example'],
    ['not-an-address', '***'],
    ['@agency.example', '***'],
  ]);

  it('ignores spaces and dashes in a typed code', () => {
    expect(normaliseCode(' 123 456 ')).toBe('123456');
    expect(normaliseCode('123-456')).toBe('123456');
  });
});
