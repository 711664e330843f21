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
