/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the simulator needs:
 * Poisson arrivals, chances and staff lateness. Same seed, same sequence, on every machine.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('nothing to pick from');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A Poisson count with mean `lambda` (Knuth's method for small means, a normal approximation above 50). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 50) {
      const u1 = Math.max(this.next(), Number.EPSILON);
      const u2 = this.next();
      const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
    }
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k += 1;
      p *= this.next();
    } while (p > limit);
    return k - 1;
  }

  /** A sub-stream: a generator seeded from this one, so adding draws in one place does not shift another. */
  fork(): SeededRandom {
    return new SeededRandom(Math.floor(this.next() * 4294967296));
  }
}

/** How late a member of staff acts, in working days after the day the step could first be done. */
export interface LatenessProfile {
  /** Chance of acting the same (working) day. */
  onTime: number;
  /** Mean extra working days when not on time (at least one). */
  meanDelay: number;
}

export const DEFAULT_LATENESS: LatenessProfile = { onTime: 0.7, meanDelay: 1.5 };

export function drawLateness(random: SeededRandom, profile: LatenessProfile = DEFAULT_LATENESS): number {
  if (random.chance(profile.onTime)) return 0;
  return 1 + random.poisson(Math.max(0, profile.meanDelay - 1));
}
