import { Temporal } from 'temporal-polyfill';
import { pathToFileURL } from 'node:url';
import { bundledCalendar } from '../src/domain/calendar/working-calendar.js';
import { computeDeadline } from '../src/domain/deadlines/compute.js';
import type { DeadlineInput } from '../src/domain/deadlines/types.js';
import { PACK_IDS } from '../src/domain/packs/pack-id.js';
import { TS_RULE_IDS } from '../src/domain/packs/types.js';

// Mixed TS rules over random dates: every (pack, rule) pair that yields a date, fed dates from
// 2019 to 2027 (inside the bundled calendar with room for counting forward and back). Inputs are
// built before timing so the figure is the engine's, not Temporal's parsing.
//
// Two figures: the due date alone, and the due date with its explanation, which every work item
// on a home or case page reads (the explanation is built lazily, so the first figure alone would
// flatter real use 20-40 times).

const INPUTS = 4096;
const MIN_SECONDS = 1.5;

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function buildInputs(): DeadlineInput[] {
  const calendar = bundledCalendar('england-and-wales');
  const random = seededRandom(20260114);
  const start = Temporal.PlainDate.from('2019-01-01');
  const inputs: DeadlineInput[] = [];
  const candidates = PACK_IDS.flatMap((pack) => TS_RULE_IDS.map((ruleId) => ({ pack, ruleId })));
  while (inputs.length < INPUTS) {
    const pick = candidates[Math.floor(random() * candidates.length)]!;
    const date = start.add({ days: Math.floor(random() * 365 * 8) });
    const from = random() < 0.5 ? date : date.toPlainDateTime({ hour: 9 + Math.floor(random() * 8), minute: 30 });
    // One literal shape for every input, as a caller would write it (spread-built objects are slower to read).
    const input: DeadlineInput = {
      ruleId: pick.ruleId,
      pack: pick.pack,
      from,
      conferenceType: random() < 0.5 ? 'initial' : 'review',
      calendar,
      intervalWeeks: 4,
    };
    try {
      computeDeadline(input);
      inputs.push(input);
    } catch {
      // A pair that gives no date (not in the pack, no time given, …) is not part of the mix.
    }
  }
  return inputs;
}

export async function run(): Promise<string[]> {
  const inputs = buildInputs();
  let sink = 0;
  for (let i = 0; i < 200_000; i += 1) sink += computeDeadline(inputs[i % INPUTS]!).due.kind.length;
  let count = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_SECONDS * 1000) {
    for (let i = 0; i < 100_000; i += 1) sink += computeDeadline(inputs[i % INPUTS]!).due.kind.length;
    count += 100_000;
    elapsed = performance.now() - started;
  }
  const perSecond = Math.round((count / elapsed) * 1000);
  if (sink === 0) throw new Error('the benchmark computed nothing');

  let explained = 0;
  const startedExplained = performance.now();
  let elapsedExplained = 0;
  while (elapsedExplained < MIN_SECONDS * 1000) {
    for (let i = 0; i < 10_000; i += 1) {
      const d = computeDeadline(inputs[i % INPUTS]!);
      sink += d.due.kind.length + d.explanation.length;
    }
    explained += 10_000;
    elapsedExplained = performance.now() - startedExplained;
  }
  const explainedPerSecond = Math.round((explained / elapsedExplained) * 1000);
  return [`deadlines: ${perSecond} per second (due date only)`, `deadlines: ${explainedPerSecond} per second (with the explanation a work item shows)`];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await run()) console.log(line);
}
