/**
 * Figures derived from many records (a month's indicators), kept for a short while so a home
 * page does not recompute them on every load. Kept at most `maxAgeMs` (so a change made by
 * another instance or the command line shows within that time), and dropped at once when this
 * process records any change (`recordsChanged`, called after every successful write request and
 * job run). Requests asking together share one computation.
 *
 * Only for summaries that say when they were computed; never for a work list or a record.
 */
export interface RecentlyComputed<T> {
  get(key: string, compute: () => Promise<T>): Promise<{ value: T; computedAt: number }>;
  clear(): void;
}

const everyCache = new Set<{ clear(): void }>();

/** Drops everything every cache in this process holds: something was written. */
export function recordsChanged(): void {
  for (const cache of everyCache) cache.clear();
}

export function recentlyComputed<T>(options: { maxAgeMs: number; maxEntries: number; now?: () => number }): RecentlyComputed<T> {
  const now = options.now ?? (() => performance.now());
  let entries = new Map<string, { promise: Promise<{ value: T; computedAt: number }>; at: number }>();
  let generation = 0;
  const cache: RecentlyComputed<T> = {
    get(key, compute) {
      const found = entries.get(key);
      if (found && now() - found.at < options.maxAgeMs) return found.promise;
      const startedIn = generation;
      const at = now();
      const promise = compute().then((value) => ({ value, computedAt: at }));
      // A failure is not kept; nor is a result begun before a change was recorded.
      promise.catch(() => entries.get(key)?.promise === promise && entries.delete(key));
      if (startedIn === generation) {
        if (entries.size >= options.maxEntries) entries.delete(entries.keys().next().value!);
        entries.set(key, { promise, at });
      }
      return promise;
    },
    clear() {
      generation += 1;
      entries = new Map();
    },
  };
  everyCache.add(cache);
  return cache;
}
