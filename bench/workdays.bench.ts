// Throughput of WorkingCalendar.addWorkingDays (the date-level API the deadline engine and the
// CLI use), counting 15 and 2,000 working days forwards and backwards from random start dates
// across every bundled year and division. Because a count is two table lookups, the 2,000-day
// figure should match the 15-day one.
//
//   npx tsx bench/workdays.bench.ts
import { pathToFileURL } from 'node:url';
import type { Temporal } from 'temporal-polyfill';
import { DIVISIONS } from '../src/domain/calendar/division.js';
import { fromEpochDay, toEpochDay } from '../src/domain/calendar/epoch-day.js';
import {
  bundledCalendar,
  CalendarRangeError,
  type WorkingCalendar,
} from '../src/domain/calendar/working-calendar.js';

interface Case {
  calendar: WorkingCalendar;
  from: Temporal.PlainDate;
  n: number;
}

const POOL_SIZE = 4096; // a power of two, so the loop can index with a mask
const WARM_UP_MS = 300;
const MEASURE_MS = 1000;

/** Deterministic, so runs are comparable. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Start dates drawn uniformly over the covered years; a draw whose result would leave the
 * calendar is redrawn, so the timed loop never throws.
 */
function casesFor(magnitude: number, seed: number): Case[] {
  const random = mulberry32(seed);
  const cases: Case[] = [];
  while (cases.length < POOL_SIZE) {
    const calendar = bundledCalendar(DIVISIONS[Math.floor(random() * DIVISIONS.length)]!);
    const first = toEpochDay(calendar.coversFrom);
    const span = toEpochDay(calendar.coversTo) - first + 1;
    const from = fromEpochDay(first + Math.floor(random() * span));
    const n = random() < 0.5 ? magnitude : -magnitude;
    try {
      calendar.addWorkingDays(from, n);
    } catch (error) {
      if (error instanceof CalendarRangeError) continue;
      throw error;
    }
    cases.push({ calendar, from, n });
  }
  return cases;
}

/** Operations per second over about `ms` milliseconds. */
function measure(cases: Case[], ms: number): number {
  const mask = cases.length - 1;
  let sink = 0;
  let done = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 1024; i += 1) {
      const c = cases[(done + i) & mask]!;
      sink += c.calendar.addWorkingDays(c.from, c.n).day;
    }
    done += 1024;
    elapsed = performance.now() - start;
  }
  if (sink === -1) console.log('unreachable'); // keeps the results observable
  return done / (elapsed / 1000);
}

export async function run(): Promise<string[]> {
  const lines: string[] = [];
  for (const [name, magnitude, seed] of [
    ['workdays-add-15', 15, 15],
    ['workdays-add-2000', 2000, 2000],
  ] as const) {
    const cases = casesFor(magnitude, seed);
    measure(cases, WARM_UP_MS);
    lines.push(`${name}: ${Math.round(measure(cases, MEASURE_MS))} per second`);
  }
  return lines;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await run()) console.log(line);
}
