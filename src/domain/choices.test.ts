import { describe, expect, it } from 'vitest';
import { isOneOf, keysOf } from './choices.js';
import { conferenceKindOf } from './conference/kinds.js';

describe('closed sets of choices', () => {
  const LABELS = { red: 'Red', 'dark-green': 'Dark green' };
  const COLOURS = keysOf(LABELS);

  it('lists the values in the order the labels were written', () => {
    expect(COLOURS).toEqual(['red', 'dark-green']);
  });

  it.each([
    ['red', true],
    ['dark-green', true],
    ['Red', false],
    ['', false],
    [undefined, false],
    [null, false],
    [1, false],
    [['red'], false],
  ])('isOneOf(%j) is %s', (value, expected) => {
    expect(isOneOf(COLOURS, value)).toBe(expected);
  });

  it('reads a stored conference kind, and one it does not know as an initial conference', () => {
    expect(conferenceKindOf('designated-review')).toBe('designated-review');
    expect(conferenceKindOf('no-such-kind')).toBe('initial');
  });
});
