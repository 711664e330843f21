/**
 * Remembers a pure function of short texts: names repeat (a million people share a few thousand
 * given and family names), so an enquiry scoring hundreds of candidates folds, codes and compares
 * the same few names again and again. The same texts always give the same answer, so remembering
 * changes no result. The store is bounded (emptied when full), and long texts (free text typed into
 * a name field) are worked out each time rather than kept. Answers are shared, so arrays and
 * objects are frozen: callers read them and never change them.
 */
export function rememberBy<A extends unknown[], R>(keyOf: (...args: A) => string, compute: (...args: A) => R, limit = 50_000): (...args: A) => R {
  const known = new Map<string, R>();
  return (...args) => {
    const key = keyOf(...args);
    if (key.length > 100) return compute(...args);
    if (known.has(key)) return known.get(key) as R;
    if (known.size >= limit) known.clear();
    const answer = compute(...args);
    if (answer !== null && typeof answer === 'object') Object.freeze(answer);
    known.set(key, answer);
    return answer;
  };
}

/** `rememberBy` for a function of one text, keyed by the text itself. */
export const remember = <R>(compute: (text: string) => R, limit?: number): ((text: string) => R) => rememberBy((text: string) => text, compute, limit);
