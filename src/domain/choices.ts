/**
 * A closed set of choices written once, as its labels: `keysOf(LABELS)` gives the values in the
 * order written, typed as a non-empty tuple (what `z.enum` takes), so a new choice cannot be added
 * to the list and forgotten in the labels, or the other way round.
 */
export function keysOf<K extends string>(labels: Readonly<Record<K, unknown>>): readonly [K, ...K[]] {
  return Object.keys(labels) as unknown as readonly [K, ...K[]];
}

/**
 * Whether `value` is one of a closed set's values (a `keysOf` list or an `as const` array),
 * narrowing it to that set's type: the check every `isX` guard and form parser needs, without
 * widening the list to `readonly string[]` by hand each time.
 */
export function isOneOf<K extends string>(values: readonly K[], value: unknown): value is K {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** A closed set written once as its labels, with what every such set derives from them. */
export interface ChoiceSet<K extends string> {
  readonly labels: Readonly<Record<K, string>>;
  /** The values in the order written (`keysOf`). */
  readonly values: readonly [K, ...K[]];
  /** The guard every form parser needs (`isOneOf`). */
  readonly is: (value: unknown) => value is K;
}

/**
 * Declares a closed set once: `export const { labels: X_LABELS, values: XS, is: isX } = choiceSet({ … })`
 * gives the labels, the list and the guard that each set would otherwise derive by hand.
 */
export function choiceSet<K extends string>(labels: Readonly<Record<K, string>>): ChoiceSet<K> {
  const values = keysOf(labels);
  return { labels, values, is: (value: unknown): value is K => isOneOf(values, value) };
}
