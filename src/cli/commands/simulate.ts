import fs from 'node:fs';
import type { Command } from 'commander';
import { openDatabase } from '../../db/client.js';
import { isPackId, PACK_IDS, type PackId } from '../../domain/packs/pack-id.js';
import { simulate, type BookingPolicy, type SimulationResult } from '../../modules/simulation/simulate.js';
import { plainLineDue, progressBar, progressPlain } from './simulate-progress.js';
import { printResult } from '../run-command.js';

export interface SimulateOptions {
  pack?: string;
  from?: string;
  days?: string;
  referrals?: string;
  chairs?: string;
  rooms?: string;
  perChair?: string;
  seed?: string;
  policy?: string;
  json?: boolean;
  svg?: string;
  compare?: boolean;
  sweepChairs?: string;
}

export interface SimulateResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  result?: SimulationResult;
}

function whole(value: string | undefined, name: string, fallback: number, min: number): number | string {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) return `--${name} must be a whole number of at least ${min}.`;
  return Number(value);
}

/**
 * `bin/convene simulate`: a seeded run of an authority on a fresh in-memory database (never the
 * configured one), through Convene's own actions, with KP1–KP10, breaches, visibility and goals.
 */
export async function runSimulate(options: SimulateOptions, progress?: (label: string, day: number, of: number) => void): Promise<SimulateResult> {
  const pack = options.pack ?? 'national';
  if (!isPackId(pack)) return { exitCode: 2, stdout: '', stderr: `--pack must be one of ${PACK_IDS.join(', ')}.` };
  const from = options.from ?? '2027-04-01';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || Number.isNaN(Date.parse(`${from}T00:00:00Z`))) return { exitCode: 2, stdout: '', stderr: '--from must be a date, YYYY-MM-DD.' };
  const policy = options.policy ?? 'suggested';
  if (policy !== 'suggested' && policy !== 'first-free') return { exitCode: 2, stdout: '', stderr: '--policy must be suggested or first-free.' };
  const numbers = {
    days: whole(options.days, 'days', 365, 1), referrals: whole(options.referrals, 'referrals', 600, 0), chairs: whole(options.chairs, 'chairs', 4, 1),
    rooms: whole(options.rooms, 'rooms', 2, 1), perChair: whole(options.perChair, 'per-chair', 3, 1), seed: whole(options.seed, 'seed', 1, 0),
  };
  for (const v of Object.values(numbers)) if (typeof v === 'string') return { exitCode: 2, stdout: '', stderr: v };
  const n = numbers as Record<keyof typeof numbers, number>;

  const sweep = options.sweepChairs === undefined ? [] : options.sweepChairs.split(',').map((x) => x.trim());
  if (sweep.some((x) => !/^\d+$/.test(x) || Number(x) < 1)) return { exitCode: 2, stdout: '', stderr: '--sweep-chairs takes whole numbers of chairs separated by commas, e.g. 1,2,3.' };

  const once = async (chairs: number, bookingPolicy: BookingPolicy, label: string): Promise<SimulationResult> => {
    const handle = await openDatabase({ memory: true });
    try {
      await handle.migrate();
      // Day 0 once the database is ready, so the time left is guessed from simulated days alone.
      progress?.(label, 0, n.days);
      return await simulate(handle.db, {
        pack: pack as PackId, from, days: n.days, referrals: n.referrals, chairs, perChairDay: n.perChair, rooms: n.rooms, seed: n.seed, policy: bookingPolicy,
        onDay: progress ? (day, of) => progress(label, day, of) : undefined,
      });
    } finally {
      await handle.close();
    }
  };
  const result = await once(n.chairs, policy, '');
  const other: BookingPolicy = policy === 'suggested' ? 'first-free' : 'suggested';
  const comparison = options.compare ? compare(result, await once(n.chairs, other, `${other}: `)) : null;
  const sweepRows: SweepRow[] = [];
  for (const chairs of sweep.map(Number)) {
    const r = chairs === n.chairs ? result : await once(chairs, policy, `${chairs} chairs: `);
    sweepRows.push({ chairs, icpcHeld: r.icpc.held, icpcWithin15Percent: r.icpc.percent, breaches: r.breaches.length, capacityBreaches: r.breaches.filter((b) => b.cause === 'capacity').length });
  }
  const enough = sweepRows.filter((row) => row.icpcWithin15Percent === null || row.icpcWithin15Percent >= 98).map((row) => row.chairs);
  const sweepSummary = sweepRows.length ? { rows: sweepRows, fewestChairsMeeting98: enough.length ? Math.min(...enough) : null } : null;

  if (options.svg) fs.writeFileSync(options.svg, result.svg);
  const failed = result.goals.some((g) => !g.met) || (comparison !== null && !comparison.slotFinderAtLeastAsGood);
  if (options.json) {
    const { svg: _svg, ...rest } = result;
    return { exitCode: failed ? 1 : 0, stdout: JSON.stringify({ ...rest, comparison, sweep: sweepSummary }, null, 2), stderr: '', result };
  }
  const extra: string[] = [];
  if (comparison) {
    extra.push('', `Booking policies on the same seed: ${comparison.rows.map((r) => `${r.policy}: ICPC within 15 ${r.icpcWithin15Percent ?? '–'}%, ${r.breaches} breaches`).join('; ')}`);
    extra.push(`  ${comparison.slotFinderAtLeastAsGood ? 'MET    ' : 'NOT MET'} the slot finder is at least as good as first-free booking`);
  }
  if (sweepSummary) {
    extra.push('', 'Sweep over chairs (same seed):');
    for (const row of sweepSummary.rows) extra.push(`  ${row.chairs} chairs: ICPC within 15 ${row.icpcWithin15Percent ?? '–'}% of ${row.icpcHeld}, ${row.breaches} breaches (${row.capacityBreaches} for capacity)`);
    extra.push(`  ${sweepSummary.fewestChairsMeeting98 === null ? 'No chair count tried keeps ICPCs within 15 working days at 98% or more' : `Fewest chairs keeping ICPCs within 15 working days at 98% or more: ${sweepSummary.fewestChairsMeeting98}`}`);
  }
  return { exitCode: failed ? 1 : 0, stdout: textReport(result, options.svg ?? null) + extra.map((l) => `\n${l}`).join(''), stderr: '', result };
}

interface SweepRow {
  chairs: number;
  icpcHeld: number;
  icpcWithin15Percent: number | null;
  breaches: number;
  capacityBreaches: number;
}

/** The slot finder is at least as good when it keeps at least as many ICPCs on time and has no more breaches. */
export function compare(a: SimulationResult, b: SimulationResult) {
  const row = (r: SimulationResult) => ({ policy: r.options.policy, icpcWithin15Percent: r.icpc.percent, icpcWithin15: r.icpc.within15, icpcHeld: r.icpc.held, breaches: r.breaches.length });
  const rows = [row(a), row(b)];
  const suggested = rows.find((r) => r.policy === 'suggested')!;
  const firstFree = rows.find((r) => r.policy === 'first-free')!;
  const slotFinderAtLeastAsGood = (suggested.icpcWithin15Percent ?? 100) >= (firstFree.icpcWithin15Percent ?? 100) && suggested.breaches <= firstFree.breaches;
  return { rows, slotFinderAtLeastAsGood };
}

export function textReport(r: SimulationResult, svgPath: string | null): string {
  const o = r.options;
  const c = r.counts;
  const lines = [
    `Simulated ${o.days} days from ${r.period.from} to ${r.period.to}: pack ${o.pack}, ${o.referrals} referrals expected, ${o.chairs} chairs (up to ${o.perChairDay ?? 3} a day each, five weeks' leave a year), ${o.rooms} rooms, seed ${o.seed}, booking by ${o.policy === 'suggested' ? "the slot finder's first suggestion" : 'the first free slot'}`,
    `  ${c.referrals} referrals, ${c.strategyDiscussions} strategy discussions, ${c.section47} section 47 enquiries`,
    `  ${c.initialConferences} initial conferences convened, ${c.initialConferencesHeld} held (counting reconvened ones), ${c.adjourned} adjourned; ${c.plansStarted} plans started, ${c.plansEnded} ended at a review`,
    `  ${c.reviewsRequested} reviews requested, ${c.reviewsHeld} held; ${c.visits} visits; ${c.coreGroups} core groups; ${c.decisionsSent} decisions sheets sent; ${c.rearranged} conferences rearranged; ${c.outOfTimescaleAuthorised} late dates authorised (TS30); ${c.bookingRetries} days with no free slot at all`,
    '',
    'Performance indicators (from the indicators\' own functions)',
  ];
  for (const i of r.indicators.indicators) {
    lines.push(`  ${i.id} ${i.title}`);
    for (const m of i.measures) lines.push(`    ${m.title} (${m.rule}): ${m.percent === null ? 'none counted' : `${m.percent}%`} — ${m.numerator} of ${m.denominator}`);
  }
  lines.push('', `ICPC within 15 working days: ${r.icpc.within15} of ${r.icpc.held} (${r.icpc.percent ?? '–'}%); England ${r.icpc.national.year}: ${r.icpc.national.percent}%`);
  lines.push(`Deadlines visible on a work queue at least one working day before due: ${r.visibility.visible} of ${r.visibility.checked} (${r.visibility.percent ?? '–'}%; ${r.visibility.neverOpen} never open on a morning before then, so nothing to see)`);
  lines.push(`Open deadlines on a queue every working morning until in hand: ${r.visibility.openMornings - r.visibility.unseenOpenMornings.length} of ${r.visibility.openMornings} conference-mornings`);
  for (const v of r.visibility.notVisible) lines.push(`  NOT VISIBLE IN TIME: ${v.key}, due ${v.dueDate}, had to be seen by ${v.seenBy}, first seen ${v.firstSeen ?? 'never'}`);
  lines.push(`Breaches: ${r.breaches.length}`);
  for (const b of r.breaches) {
    lines.push(`  ${b.recordId} ${b.what} (${b.rule}): ${b.explanation}; cause ${b.cause}${b.authorised ? '; authorised by a service manager' : ''}${b.recordedReason ? `; reason recorded: ${b.recordedReason}` : '; NO REASON RECORDED'}`);
  }
  if (r.refusals.length > 0) {
    lines.push(`Actions Convene refused during the run: ${r.refusals.length}`);
    for (const f of r.refusals.slice(0, 20)) lines.push(`  ${f.day} ${f.step} ${f.record}: ${f.message}`);
    if (r.refusals.length > 20) lines.push(`  … and ${r.refusals.length - 20} more (see --json)`);
  }
  lines.push('', 'Goals');
  for (const g of r.goals) lines.push(`  ${g.met ? 'MET    ' : 'NOT MET'} ${g.description}: ${g.detail}`);
  if (svgPath) lines.push('', `Chart of ICPC timeliness by week written to ${svgPath}`);
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('simulate')
    .description('simulate an authority for N days through Convene\'s own actions on a fresh in-memory database, and check the deadline goals')
    .option('--pack <pack>', 'the procedures pack', 'national')
    .option('--from <date>', 'first simulated day, YYYY-MM-DD', '2027-04-01')
    .option('--days <n>', 'days to simulate', '365')
    .option('--referrals <n>', 'referrals expected over the run (Poisson arrivals)', '600')
    .option('--chairs <n>', 'independent chairs', '4')
    .option('--rooms <n>', 'conference rooms', '2')
    .option('--per-chair <n>', 'conferences each chair may take in a day', '3')
    .option('--seed <n>', 'random seed: the same seed gives the same run', '1')
    .option('--policy <policy>', 'booking policy: suggested (the slot finder\'s first suggestion) or first-free', 'suggested')
    .option('--svg <path>', 'write the chart of ICPC timeliness by week to this file')
    .option('--compare', 'also run the other booking policy on the same seed and compare them')
    .option('--sweep-chairs <list>', 'also run with each number of chairs (e.g. 1,2,3,4) and find the fewest that keep ICPCs on time')
    .option('--json', 'print the whole result as JSON')
    .action(async (options: SimulateOptions) => {
      const tty = process.stderr.isTTY === true;
      let started = performance.now();
      const progress = options.json ? undefined : (label: string, day: number, of: number) => {
        // Each run (the main one, a comparison, each chair count of a sweep) is timed from its own start.
        if (day === 0) started = performance.now();
        const line = { label, day, of, elapsedMs: performance.now() - started };
        if (tty) {
          // Redrawn in place; the rest of the old line is cleared, as the new one may be shorter.
          process.stderr.write(`\r${progressBar(line)}\x1b[K`);
          if (day === of) process.stderr.write('\n');
        } else if (day > 0 && plainLineDue(day, of, 10)) {
          process.stderr.write(`${progressPlain(line)}\n`);
        }
      };
      const result = await runSimulate(options, progress);
      printResult(result);
    });
}
