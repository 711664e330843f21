import { isOneOf } from '../choices.js';
/** The bank-holiday divisions of the UK, named as the official bank-holidays document names them. */
export const DIVISIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;

export type Division = (typeof DIVISIONS)[number];

export function isDivision(value: string): value is Division {
  return isOneOf(DIVISIONS, value);
}
