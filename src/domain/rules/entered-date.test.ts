import { describe, expect, it } from 'vitest';
import { enteredDateProblems } from './entered-date.js';

const words = { missing: 'Enter it', future: 'Not in the future', before: { date: '2026-01-10', message: 'Not before the fact' } };

describe('a date entered for something that has happened', () => {
  it.each([
    [null, words, ['Enter it']],
    ['', words, ['Enter it']],
    ['2026-02-02', words, ['Not in the future']],
    ['2026-01-09', words, ['Not before the fact']],
    ['2026-01-10', words, []],
    ['2026-02-01', words, []],
    [null, { future: 'Not in the future' }, []],
    ['2026-01-01', { ...words, before: { date: null, message: 'Not before the fact' } }, []],
  ])('%j gives %j', (value, given, messages) => {
    expect(enteredDateProblems('on', value, '2026-02-01', given)).toEqual(messages.map((message) => ({ field: 'on', message })));
  });
});
