/**
 * A closed set of choices written once, as its labels: `keysOf(LABELS)` gives the values in the
 * order written, typed as a non-empty tuple (what `z.enum` takes), so a new choice cannot be added
 * to the list and forgotten in the labels, or the other way round.
 */
export function keysOf<K extends string>(labels: Readonly<Record<K, unknown>>): readonly [K, ...K[]] {
  return Object.keys(labels) as unknown as readonly [K, ...K[]];
}
