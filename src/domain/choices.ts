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
