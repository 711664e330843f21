import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine, freshDatabase, type Engine, type TestDatabase } from '../../../test/support/database.js';
import { simulate, type SimulationOptions, type SimulationResult } from './simulate.js';

// A small authority for 30 days from Thursday 1 April 2027: enough referrals that a handful
// reach an initial conference inside the month, through the product's own actions.
const SMALL: SimulationOptions = { pack: 'national', from: '2027-04-01', days: 30, referrals: 150, chairs: 3, rooms: 2, seed: 20270401, policy: 'suggested' };

async function runOn(engine: Engine, options: SimulationOptions): Promise<SimulationResult> {
  const database: TestDatabase = await freshDatabase(engine);
  try {
    return await simulate(database.handle.db, options);
  } finally {
    await database.drop();
  }
}

/** What must hold for any run: the invariants of issue 18. */
function assertInvariants(result: SimulationResult): void {
  // Every step the simulator took was accepted by Convene: a refusal is a broken journey.
  expect(result.refusals).toEqual([]);
  expect(result.counts.referrals).toBeGreaterThan(100);
  expect(result.counts.section47).toBeGreaterThan(5);
  expect(result.counts.initialConferencesHeld).toBeGreaterThan(2);
  expect(result.counts.plansStarted).toBeGreaterThan(0);
  // Every morning a conference's deadline was open (before it was booked on time, authorised or
  // held), it was on someone's queue with its due date; and there were such mornings.
  expect(result.visibility.openMornings).toBeGreaterThan(3);
  expect(result.visibility.unseenOpenMornings).toEqual([]);
  // Every deadline visible on a work queue at least one working day before it fell due.
  expect(result.visibility.notVisible).toEqual([]);
  // No breach without a recorded reason or a service manager's authorisation.
  expect(result.breaches.filter((b) => !b.authorised && !b.recordedReason)).toEqual([]);
  expect(result.goals.filter((g) => !g.met)).toEqual([]);
  // The indicators come from the indicators' own functions and agree with what was held.
  expect(result.indicators.indicators.map((i) => i.id)).toEqual(['KP1', 'KP2', 'KP3', 'KP4', 'KP5', 'KP6', 'KP7', 'KP8', 'KP9', 'KP10']);
  expect(result.icpc.held).toBeGreaterThan(0);
  expect(result.weekly.reduce((n, w) => n + w.held, 0)).toBe(result.icpc.held);
  expect(result.svg).toContain('<svg');
}

const results = new Map<Engine, SimulationResult>();

describeEachEngine('a month in a small authority, simulated through the real actions', (engine) => {
  it('keeps every deadline visible and every breach explained', async () => {
    const result = await runOn(engine, SMALL);
    results.set(engine, result);
    assertInvariants(result);
  }, 120_000);
});

describe('the simulation is reproducible', () => {
  let again: SimulationResult;
  let other: SimulationResult;
  beforeAll(async () => {
    again = await runOn('pglite', SMALL);
    other = await runOn('pglite', { ...SMALL, seed: SMALL.seed + 1 });
  }, 240_000);
  afterAll(() => results.clear());

  it('the same seed gives an identical result (on either database)', () => {
    const first = results.get('pglite');
    expect(first).toBeDefined();
    expect(again).toEqual(first);
    const postgres = results.get('postgres');
    if (postgres) expect(postgres).toEqual(first);
  });

  it('a different seed gives a different year', () => {
    expect(other.counts).not.toEqual(again.counts);
    assertInvariants(other);
  });
});
