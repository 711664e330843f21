import { isOneOf, keysOf } from '../choices.js';

export const CATEGORY_LABELS = {
  NEG: 'Neglect',
  PHY: 'Physical abuse',
  EMO: 'Emotional abuse',
  SAB: 'Sexual abuse',
};
/** DC4: the categories of abuse or neglect, by their census codes (CENSUS.md). */
export const CATEGORY_CODES = keysOf(CATEGORY_LABELS);
export type CategoryCode = (typeof CATEGORY_CODES)[number];

export function isCategoryCode(value: string): value is CategoryCode {
  return isOneOf(CATEGORY_CODES, value);
}

/** Census InitialCategoryOfAbuse / LatestCategoryOfAbuse: several categories are returned as MUL. */
export function censusCategory(codes: readonly string[]): CategoryCode | 'MUL' | null {
  const known = normaliseCategories(codes);
  if (known.length === 0) return null;
  if (known.length > 1) return 'MUL';
  return known[0] ?? null;
}

/** Known codes only, once each, in a fixed order, so two lists can be compared. */
export function normaliseCategories(codes: readonly string[]): CategoryCode[] {
  return CATEGORY_CODES.filter((c) => codes.includes(c));
}

export function sameCategories(a: readonly string[], b: readonly string[]): boolean {
  const x = normaliseCategories(a);
  const y = normaliseCategories(b);
  return x.length === y.length && x.every((c, i) => c === y[i]);
}

export function describeCategories(codes: readonly string[]): string {
  const known = normaliseCategories(codes);
  return known.length === 0 ? 'None' : known.map((c) => CATEGORY_LABELS[c]).join(', ');
}
