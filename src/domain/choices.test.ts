import { describe, expect, it } from 'vitest';
import { choiceSet, isOneOf, keysOf } from './choices.js';
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

  it('declares a set once: its labels, its values in order, and its guard', () => {
    const set = choiceSet(LABELS);
    expect(set.labels).toBe(LABELS);
    expect(set.values).toEqual(COLOURS);
    expect([set.is('dark-green'), set.is('Dark green'), set.is(undefined)]).toEqual([true, false, false]);
  });

  it('reads a stored conference kind, and one it does not know as an initial conference', () => {
    expect(conferenceKindOf('designated-review')).toBe('designated-review');
    expect(conferenceKindOf('no-such-kind')).toBe('initial');
  });
});
