import type { FieldError } from '../../modules/shared/errors.js';

/** The matcher's search form as typed: the child's names, date of birth, postcode, and one parent's names. */
export interface MatcherSearchValues {
  given: string;
  family: string;
  dob: string;
  postcode: string;
  parentGiven: string;
  parentFamily: string;
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
  const { parentGiven, parentFamily, ...child } = values;
  return { values, input: { ...child, parents: [{ given: parentGiven, family: parentFamily }] } };
}

const FORM_FIELD: Record<string, string> = { 'parents.0.given': 'parentGiven', 'parents.0.family': 'parentFamily', parents: 'parentGiven' };

/** The matcher's field errors under the names of the form's fields, so each shows by its own. */
export function matcherSearchErrors(errors: FieldError[]): FieldError[] {
  return errors.map((e) => ({ ...e, field: FORM_FIELD[e.field] ?? e.field }));
}
