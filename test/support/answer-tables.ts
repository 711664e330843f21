import { expect, it } from 'vitest';

/**
 * A one-argument function's answers as a table of [given, expected] rows. Each row stays its own
 * test, named by `title` with the row's values as it.each names them, so a failing row names itself.
 */
export function itAnswersEach<Given, Expected>(
  title: string,
  answer: (given: Given) => Expected,
  rows: readonly (readonly [Given, Expected])[],
): void {
  it.each(rows.map(([given, expected]): [Given, Expected] => [given, expected]))(title, (given, expected) => {
    expect(answer(given)).toBe(expected);
  });
}

/**
 * A check's answers as a table of named inputs and the fields it finds a problem with, in the order
 * it reports them. Each row stays its own test, named by `title` from the row ($name, $fields).
 */
export function itFindsProblemFields<Input>(
  title: string,
  problemsOf: (input: Input) => readonly { field: string }[],
  rows: readonly { name: string; input: Input; fields: readonly string[] }[],
): void {
  it.each(rows)(title, ({ input, fields }) => {
    expect(problemsOf(input).map((p) => p.field)).toEqual(fields);
  });
}
