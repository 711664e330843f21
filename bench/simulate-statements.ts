// Counts the SQL statements a small simulated year sends, per kind of step, and which statements a
// kind of step sends most (issue 18):
// `node --import tsx bench/simulate-statements.ts [referrals] [days] [chairs] [rooms] [step, default hold]`.
// Statements are put down to the step that ran before the next step ended, so the little work between
// steps (a requested review read back) lands on the following step.
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_FOLDER, type Database } from '../src/db/client.js';
import * as schema from '../src/db/schema/index.js';
import { simulate } from '../src/modules/simulation/simulate.js';

const referrals = Number(process.argv[2] ?? 60);
const days = Number(process.argv[3] ?? 120);
const chairs = Number(process.argv[4] ?? 3);
const rooms = Number(process.argv[5] ?? 2);
const shown = process.argv[6] ?? 'hold';
const client = new PGlite();
await client.waitReady;
let pending: string[] = [];
const db = drizzle(client, { schema, logger: { logQuery: (query) => void pending.push(query) } }) as unknown as Database;
await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
pending = [];
const perStep = new Map<string, { runs: number; statements: number }>();
const shapes = new Map<string, number>();
const result = await simulate(db, {
  pack: 'national', from: '2027-04-01', days, referrals, chairs, rooms, seed: 1, policy: 'suggested',
  onStepTimed: (step) => {
    const s = perStep.get(step) ?? { runs: 0, statements: 0 };
    s.runs += 1;
    s.statements += pending.length;
    perStep.set(step, s);
    if (step === shown) for (const q of pending) shapes.set(q.slice(0, 110), (shapes.get(q.slice(0, 110)) ?? 0) + 1);
    pending = [];
  },
});
const held = result.counts.initialConferencesHeld + result.counts.reviewsHeld + result.counts.adjourned;
console.log(`${days} days, ${result.counts.referrals} referrals, ${held} conferences held or adjourned, ${result.refusals.length} refused steps`);
for (const [step, s] of [...perStep].sort((a, b) => b[1].statements - a[1].statements)) {
  console.log(`${step}: ${s.statements} statements in ${s.runs} runs (${(s.statements / s.runs).toFixed(1)} each)`);
}
const runs = perStep.get(shown)?.runs ?? 1;
console.log(`\n${shown}, statements per step by shape:`);
for (const [q, n] of [...shapes].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(n / runs).toFixed(1).padStart(6)}  ${q}`);
await client.close();
