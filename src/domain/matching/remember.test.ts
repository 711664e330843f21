import { describe, expect, it } from 'vitest';
import { compareNameToken } from './compare-names.js';
import { nameTokens } from './normalise.js';
import { remember, rememberBy } from './remember.js';

describe('remembering a pure function of names', () => {
  it('works each text out once, until the store is full, then starts again', () => {
    const seen: string[] = [];
    const upper = remember((text: string) => (seen.push(text), text.toUpperCase()), 2);
    expect([upper('ada'), upper('ada'), upper('bo')]).toEqual(['ADA', 'ADA', 'BO']);
    expect(seen).toEqual(['ada', 'bo']);
    upper('cy'); // the store was full: emptied, then cy kept
    upper('ada');
    expect(seen).toEqual(['ada', 'bo', 'cy', 'ada']);
  });

  it('keeps no long text (free text typed into a name field), and remembers an answer of null', () => {
    const seen: string[] = [];
    const length = remember((text: string) => (seen.push(text), text.length > 3 ? text.length : null));
    const long = 'x'.repeat(500);
    expect([length(long), length(long), length('ab'), length('ab')]).toEqual([500, 500, null, null]);
    expect(seen).toEqual([long, long, 'ab']);
  });

  it('tells pairs apart whatever their letters: the key marks where the first text ends', () => {
    const joined = rememberBy((a: string, b: string) => `${a.length}:${a}${b}`, (a: string, b: string) => `${a}|${b}`);
    expect([joined('ab', 'c'), joined('a', 'bc'), joined('ab', 'c')]).toEqual(['ab|c', 'a|bc', 'ab|c']);
  });

  it('hands out answers that cannot be changed, so one caller cannot spoil another’s', () => {
    const tokens = nameTokens('Mary-Ann McDonald');
    expect(tokens).toEqual(['mary', 'ann', 'macdonald']);
    expect(() => (tokens as string[]).push('x')).toThrow(TypeError);
    const agreement = compareNameToken('bill', 'william', 'given');
    expect(() => Object.assign(agreement, { weight: 99 })).toThrow(TypeError);
    expect(compareNameToken('bill', 'william', 'given')).toMatchObject({ level: 'nickname', reason: 'nickname of William' });
  });
});
