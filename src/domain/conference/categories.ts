import { choiceSet } from '../choices.js';

/** DC4: the categories of abuse or neglect, by their census codes (CENSUS.md). */
export const { labels: CATEGORY_LABELS, values: CATEGORY_CODES, is: isCategoryCode } = choiceSet({
  NEG: 'Neglect',
  PHY: 'Physical abuse',
  EMO: 'Emotional abuse',
  SAB: 'Sexual abuse',
});
export type CategoryCode = (typeof CATEGORY_CODES)[number];

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
