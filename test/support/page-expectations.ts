import { expect } from 'vitest';

/**
 * What a page test checks again and again, said once: the status the page answered with, the
 * words it shows and those it must not. Each is still its own expectation, so a failure names the
 * missing (or leaked) words.
 */
export function expectPage(
  res: { statusCode: number; body: string },
  expected: { status?: number; shows: readonly string[]; lacks?: readonly string[] },
): void {
  if (expected.status !== undefined) expect(res.statusCode).toBe(expected.status);
  for (const text of expected.shows) expect(res.body).toContain(text);
  for (const text of expected.lacks ?? []) expect(res.body).not.toContain(text);
}
