import type { FieldError } from '../../modules/shared/errors.js';
import { dateInputErrors, withDateInputErrors } from '../input/date-input.js';

/** The matcher's search form as typed: the child's names, date of birth, postcode, and one parent's names. */
export interface MatcherSearchValues {
  given: string;
  family: string;
  dob: string;
  postcode: string;
  parentGiven: string;
  parentFamily: string;
  /** The date of birth as typed in GOV.UK's three boxes, to show again as typed. */
  'dob-day'?: string;
  'dob-month'?: string;
  'dob-year'?: string;
}

/**
 * The enquirer's and the staff people search share one form (the matcher's): its flat fields,
 * kept as typed to show again, and the query the matcher takes, whose parent is a list.
 */
export function matcherSearchFrom(query: Record<string, string | undefined>): { values: MatcherSearchValues; input: Record<string, unknown> } {
  const values: MatcherSearchValues = {
    given: query.given ?? '', family: query.family ?? '', dob: query.dob ?? '', postcode: query.postcode ?? '',
    parentGiven: query.parentGiven ?? '', parentFamily: query.parentFamily ?? '',
  };
  for (const part of ['dob-day', 'dob-month', 'dob-year'] as const) if (query[part] !== undefined) values[part] = query[part];
  const { parentGiven, parentFamily, given, family, dob, postcode } = values;
  const child = { given, family, dob, postcode };
  return { values, input: { ...child, parents: [{ given: parentGiven, family: parentFamily }] } };
}

const FORM_FIELD: Record<string, string> = { 'parents.0.given': 'parentGiven', 'parents.0.family': 'parentFamily', parents: 'parentGiven' };

/** The matcher's field errors under the names of the form's fields, so each shows by its own. */
export function matcherSearchErrors(errors: FieldError[], query?: unknown): FieldError[] {
  return withDateInputErrors(query, errors.map((e) => ({ ...e, field: FORM_FIELD[e.field] ?? e.field })));
}

/** A date of birth typed in the boxes that is no real date: refused in the date pattern's words before any search. */
export function matcherDateRefusal(query: unknown): FieldError[] {
  return dateInputErrors(query);
}
