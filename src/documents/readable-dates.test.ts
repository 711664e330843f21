import { describe, expect, it } from 'vitest';
import { readableDates } from './readable-dates.js';
import { itAnswersEach } from '../../test/support/answer-tables.js';

describe('dates in messages are written in words (issue 14)', () => {
  itAnswersEach('%s', readableDates, [
    ['The plan ended on 2026-03-05.', 'The plan ended on 5 March 2026.'],
    ['born 2019-05-04, moved on 2026-01-12', 'born 4 May 2019, moved on 12 January 2026'],
    ['2026-12-11: decisions', '11 December 2026: decisions'],
    ['(from 2026-02-01)', '(from 1 February 2026)'],
  ]);

  it.each([
    'https://convene.example/deadlines?on=2026-03-05',
    'conference-decisions-2026-03-05-v1.pdf',
    'DTSTART 2026-03-05T10:00',
    'not a date: 2026-13-45',
  ])('leaves %s alone', (text) => {
    expect(readableDates(text)).toBe(text);
  });
});
