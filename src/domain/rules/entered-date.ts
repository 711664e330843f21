import type { RuleProblem } from './rule-problem.js';

/** What to say about a date a person enters for something that has already happened. */
export interface EnteredDateWords {
  /** When it is left empty (never, where the field is checked only once it is given). */
  readonly missing?: string;
  /** When it is after today. */
  readonly future: string;
  /** When it is before the fact it follows; not checked while that fact's date is unknown. */
  readonly before?: { readonly date: string | null; readonly message: string };
}

/**
 * The first problem with a date entered for something that has happened: empty, after today, or
 * before what it follows; none when it is fine. Dates are YYYY-MM-DD, so they compare as text.
 */
export function enteredDateProblems(field: string, value: string | null, today: string, words: EnteredDateWords): RuleProblem[] {
  if (!value) return words.missing === undefined ? [] : [{ field, message: words.missing }];
  if (value > today) return [{ field, message: words.future }];
  if (words.before?.date && value < words.before.date) return [{ field, message: words.before.message }];
  return [];
}
