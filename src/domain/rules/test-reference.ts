/**
 * A rule's test reference: '<test file path from the repo root>::<test name>'.
 *
 * The test name is either the full vitest name, describe titles and the it/test title joined
 * by ' > ' (as vitest prints it), or the it/test title alone. The registry uses the full form;
 * registry.test.ts accepts both and checks the file really declares that test.
 */
export interface TestReference {
  file: string;
  name: string;
}

export const TEST_NAME_SEPARATOR = ' > ';

export function parseTestReference(reference: string): TestReference | null {
  const at = reference.indexOf('::');
  if (at <= 0) return null;
  const file = reference.slice(0, at).trim();
  const name = reference.slice(at + 2).trim();
  if (file === '' || name === '' || !/\.test\.ts$/.test(file)) return null;
  return { file, name };
}

export function formatTestReference(file: string, ...titles: string[]): string {
  return `${file}::${titles.join(TEST_NAME_SEPARATOR)}`;
}
