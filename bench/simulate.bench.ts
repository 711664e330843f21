import { openDatabase } from '../src/db/client.js';
import { simulate } from '../src/modules/simulation/simulate.js';

// A year of an authority through Convene's own actions (issue 18) on in-memory PGlite:
// BENCH_SIMULATE_REFERRALS referrals (default 300) over BENCH_SIMULATE_DAYS days (365), with
// BENCH_SIMULATE_CHAIRS chairs (3) and BENCH_SIMULATE_ROOMS rooms (2), seed 1. Prints the whole
// run's time, the process's CPU time beside it (on a shared machine the wall clock also counts
// other people's work), and the three dearest kinds of step.

export async function run(): Promise<string[]> {
  const referrals = Number(process.env.BENCH_SIMULATE_REFERRALS ?? 300);
  const days = Number(process.env.BENCH_SIMULATE_DAYS ?? 365);
  const chairs = Number(process.env.BENCH_SIMULATE_CHAIRS ?? 3);
  const rooms = Number(process.env.BENCH_SIMULATE_ROOMS ?? 2);
  const handle = await openDatabase({ memory: true });
  const steps = new Map<string, number>();
  try {
    await handle.migrate();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const result = await simulate(handle.db, {
      pack: 'national', from: '2027-04-01', days, referrals, chairs, rooms, seed: 1, policy: 'suggested',
      onStepTimed: (step, ms) => steps.set(step, (steps.get(step) ?? 0) + ms),
    });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const dearest = [...steps].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([s, ms]) => `${s} ${(ms / 1000).toFixed(1)} s`).join(', ');
    const c = result.counts;
    return [
      `simulate: ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s CPU) for ${days} days, ${c.referrals} referrals, ${chairs} chairs, ${rooms} rooms, ${c.initialConferencesHeld} ICPCs and ${c.reviewsHeld} reviews held, ${c.plansStarted} plans (dearest: ${dearest})`,
      `simulate: ${(seconds * 1000 / Math.max(1, c.referrals)).toFixed(0)} ms per referral (${(cpuSeconds * 1000 / Math.max(1, c.referrals)).toFixed(0)} ms CPU), ${c.queueSnapshots} work queues read, ${result.refusals.length} refused steps, goals ${result.goals.every((g) => g.met) ? 'met' : 'NOT met'}`,
    ];
  } finally {
    await handle.close();
  }
}
