import { describe, expect, it } from 'vitest';
import { formatNhsNumber, isValidNhsNumber, normaliseNhsNumber } from './nhs-number.js';
import { itAnswersEach } from '../../../test/support/answer-tables.js';

describe('the NHS number', () => {
  itAnswersEach('%s valid: %s', isValidNhsNumber, [
    ['9434765919', true], // a published test number
    ['9434765918', false], // wrong check digit
    ['4010232137', true],
    ['0000000000', true], // check digit 11 → 0
    ['0000000060', false], // check digit 10: never valid
    ['1000000001', true],
    ['123456789', false],
  ]);
  it('reads spaces and dashes, shows 3-3-4', () => {
    expect(normaliseNhsNumber('943 476 5919')).toBe('9434765919');
    expect(normaliseNhsNumber('943-476-5919')).toBe('9434765919');
    expect(normaliseNhsNumber('943 476 591')).toBeNull();
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
  });
});
