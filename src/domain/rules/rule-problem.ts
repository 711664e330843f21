/** A rule broken by the input, named by the form field it concerns (the shape of a field error). */
export interface RuleProblem {
  field: string;
  message: string;
}
