import { describe, expect, it } from 'vitest';
import { parentOf } from './enquiry.js';

describe('enquiry --parent', () => {
  it.each([
    ['Anna Kowalska', { given: 'Anna', family: 'Kowalska' }],
    ['  Anna   Maria  Kowalska ', { given: 'Anna Maria', family: 'Kowalska' }],
    ['Kowalska', { given: '', family: 'Kowalska' }],
    ['', { given: '', family: '' }],
  ])('%j is read with the family name last', (text, expected) => {
    expect(parentOf(text)).toEqual(expected);
  });
});
