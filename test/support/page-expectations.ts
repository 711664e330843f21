import { expect } from 'vitest';

/**
 * What a text test checks again and again, said once: the words a text (a document, a letter, a
 * file, a page) shows and those it must not; given its lines instead, the whole lines it holds. Each
 * is still its own expectation, so a failure names the missing (or leaked) words.
 */
export function expectText(text: string | readonly string[], expected: { shows: readonly string[]; lacks?: readonly string[] }): void {
  for (const words of expected.shows) expect(text).toContain(words);
  for (const words of expected.lacks ?? []) expect(text).not.toContain(words);
}

/** A page test's checks said once: the status the page answered with, and its words as for {@link expectText}. */
export function expectPage(
  res: { statusCode: number; body: string },
  expected: { status?: number; shows: readonly string[]; lacks?: readonly string[] },
): void {
  if (expected.status !== undefined) expect(res.statusCode).toBe(expected.status);
  expectText(res.body, expected);
}
