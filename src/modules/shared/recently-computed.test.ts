import { describe, expect, it } from 'vitest';
import { recentlyComputed, recordsChanged } from './recently-computed.js';

describe('recently computed figures', () => {
  const clockAt = (start: number) => {
    let t = start;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  it('computes once for requests asking together, and again after the maximum age', async () => {
    const clock = clockAt(1000);
    const cache = recentlyComputed<number>({ maxAgeMs: 60_000, maxEntries: 10, now: clock.now });
    let runs = 0;
    const compute = async () => ++runs;
    const together = await Promise.all([cache.get('k', compute), cache.get('k', compute), cache.get('k', compute)]);
    expect(together.map((r) => r.value)).toEqual([1, 1, 1]);
    clock.advance(59_999);
    expect((await cache.get('k', compute)).value).toBe(1);
    clock.advance(1);
    expect((await cache.get('k', compute))).toEqual({ value: 2, computedAt: 61_000 });
  });

  it('drops every cache in the process when records change', async () => {
    const clock = clockAt(0);
    const a = recentlyComputed<string>({ maxAgeMs: 60_000, maxEntries: 10, now: clock.now });
    const b = recentlyComputed<string>({ maxAgeMs: 60_000, maxEntries: 10, now: clock.now });
    let n = 0;
    await a.get('x', async () => `a${++n}`);
    await b.get('x', async () => `b${++n}`);
    recordsChanged();
    expect((await a.get('x', async () => `a${++n}`)).value).toBe('a3');
    expect((await b.get('x', async () => `b${++n}`)).value).toBe('b4');
  });

  it('does not keep a result begun before a change, nor a failure', async () => {
    const cache = recentlyComputed<string>({ maxAgeMs: 60_000, maxEntries: 10, now: () => 0 });
    let release!: (v: string) => void;
    const slow = cache.get('k', () => new Promise<string>((resolve) => (release = resolve)));
    recordsChanged(); // a write lands while the figures are being computed from the old records
    release('old');
    expect((await slow).value).toBe('old');
    expect((await cache.get('k', async () => 'new')).value).toBe('new');
    await expect(cache.get('f', async () => { throw new Error('database down'); })).rejects.toThrow('database down');
    expect((await cache.get('f', async () => 'recovered')).value).toBe('recovered');
  });

  it('keeps at most its number of entries, dropping the oldest', async () => {
    const cache = recentlyComputed<number>({ maxAgeMs: 60_000, maxEntries: 2, now: () => 0 });
    let runs = 0;
    for (const key of ['a', 'b', 'c']) await cache.get(key, async () => ++runs);
    expect((await cache.get('c', async () => ++runs)).value).toBe(3);
    expect((await cache.get('a', async () => ++runs)).value).toBe(4);
  });
});
