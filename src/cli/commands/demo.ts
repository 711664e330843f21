import type { Command } from 'commander';
import { clockFromSettings } from '../../clock/clock.js';
import { loadSettings } from '../../config.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import { demoPasswordNotice } from '../../modules/demo/demo-password-notice.js';
import { seedDemo } from '../../modules/demo/seed-demo.js';
import { refuse, withCommandDatabase } from '../run-command.js';
import { importPeople } from '../../modules/enquiry/import-people.js';
import { systemContext } from '../../modules/shared/action-context.js';
import { syntheticPeople, syntheticRecords, toCsvLine } from '../../modules/demo/synthetic-population.js';
import { bulkLoadPeople } from '../../modules/demo/bulk-load.js';
import { IMPORT_HEADER } from '../../modules/enquiry/import-people.js';
import { generateCasesYear } from '../../modules/demo/cases-year.js';

export function register(program: Command): void {
  const demo = program.command('demo').description('demo data');
  demo
    .command('seed')
    .description('create the demo authority, one user per role and synthetic families (only into a database with no users)')
    .action(async () => {
      const settings = loadSettings();
      if (settings.production) {
        refuse('Demo data is never seeded when NODE_ENV=production.');
        return;
      }
      await withCommandDatabase(async ({ db, now }) => {
        const result = await seedDemo(db, { password: settings.demoPassword, dataDir: settings.dataDir, pack: settings.pack, now: now() });
        if (!result.seeded) {
          console.log('The database already has users: demo data not added.');
          return;
        }
        console.log(`Seeded ${result.users} users and ${result.children} synthetic children.`);
        console.log(demoPasswordNotice(result.passwordFile));
      }, { settings });
    });
  demo
    .command('generate')
    .description('load a seeded synthetic population (households, aliases, moves, about 1 child in 200 on a plan) for the enquiry service and its bench')
    .requiredOption('--people <n>', 'how many people', (v) => Number(v))
    .option('--seed <s>', 'the seed: the same seed makes the same people', (v) => Number(v), 1)
    .option('--csv <file>', 'write an import CSV (for `register import-people`) instead of loading the database')
    .option('--cases-year', 'then live a year of casework over the population through Convene’s own actions (the simulator): referrals about its children, section 47s, conferences, plans, reviews')
    .option('--from <date>', 'with --cases-year: the first day of casework, YYYY-MM-DD (the population is as it was that day)', '2026-04-01')
    .option('--days <n>', 'with --cases-year: how many days of casework', (v) => Number(v), 365)
    .option('--referrals <n>', 'with --cases-year: referrals over the run (default: England’s rate for the population’s children)', (v) => Number(v))
    .option('--chairs <n>', 'with --cases-year: conference chairs', (v) => Number(v), 4)
    .option('--rooms <n>', 'with --cases-year: conference rooms', (v) => Number(v), 2)
    .action(async (options: { people: number; seed: number; csv?: string; casesYear?: boolean; from: string; days: number; referrals?: number; chairs: number; rooms: number }) => {
      if (!Number.isInteger(options.people) || options.people < 1 || options.people > 20_000_000) {
        refuse('--people must be a whole number from 1 to 20,000,000');
        return;
      }
      if (!Number.isInteger(options.seed)) {
        refuse('--seed must be a whole number');
        return;
      }
      const settings = loadSettings();
      if (settings.production) {
        refuse('Synthetic people are never generated when NODE_ENV=production.');
        return;
      }
      const now = clockFromSettings(settings)();
      const today = londonDateOf(now).toString();
      if (options.csv) {
        const { createWriteStream } = await import('node:fs');
        const out = createWriteStream(options.csv);
        out.write(`${IMPORT_HEADER.join(',')}\n`);
        for (const p of syntheticPeople({ count: options.people, seed: options.seed, today })) {
          if (!out.write(`${toCsvLine(p)}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        }
        await new Promise<void>((resolve) => out.end(() => resolve()));
        console.log(`Wrote ${options.people} synthetic people to ${options.csv}.`);
        return;
      }
      if (options.casesYear) {
        const whole = (v: number | undefined, min: number) => v === undefined || (Number.isInteger(v) && v >= min);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(options.from) || Number.isNaN(Date.parse(`${options.from}T00:00:00Z`)) || !whole(options.days, 1) || !whole(options.referrals, 0) || !whole(options.chairs, 1) || !whole(options.rooms, 1)) {
          refuse('--from must be a date (YYYY-MM-DD); --days, --chairs and --rooms whole numbers of at least 1; --referrals a whole number');
          return;
        }
        await casesYear(settings, options);
        return;
      }
      const started = Date.now();
      const bar = (done: number) => {
        const width = 30;
        const filled = Math.round((done / options.people) * width);
        const seconds = (Date.now() - started) / 1000;
        const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en-GB')}/${options.people.toLocaleString('en-GB')} people, ${Math.round(done / Math.max(seconds, 0.001))}/s`;
        process.stderr.write(process.stderr.isTTY ? `\r${line}` : done % 50_000 < 1000 || done === options.people ? `${line}\n` : '');
      };
      await withCommandDatabase(async ({ database }) => {
        // COPY into an empty population; when these people are there already, the importer brings them up to date (and changes nothing if they are).
        const loaded = await bulkLoadPeople(database, systemContext(now), syntheticPeople({ count: options.people, seed: options.seed, today }), { expected: options.people, onProgress: bar });
        if (loaded.alreadyLoaded) {
          const summary = await importPeople(database.db, systemContext(now), syntheticRecords({ count: options.people, seed: options.seed, today }), bar);
          if (process.stderr.isTTY) process.stderr.write('\n');
          console.log(`Loaded ${summary.created} synthetic people (${summary.unchanged} already there), ${summary.plansStarted} plans started, in ${Math.round((Date.now() - started) / 1000)} s.`);
          return;
        }
        if (process.stderr.isTTY) process.stderr.write('\n');
        const seconds = (Date.now() - started) / 1000;
        console.log(
          `Loaded ${loaded.people} synthetic people (${loaded.relationships} links to parents, ${loaded.keys} matcher keys), ${loaded.plansStarted} plans started, in ${Math.round(seconds)} s (${Math.round(loaded.people / seconds)} people/s${loaded.rebuiltIndexes ? `; indexes rebuilt in ${Math.round(loaded.seconds.indexes)} s` : ''}).`,
        );
      }, { settings });
    });
}

/** `demo generate --cases-year`: the population, then a year of casework over it by the real actions, with what happened. */
async function casesYear(settings: ReturnType<typeof loadSettings>, options: { people: number; seed: number; from: string; days: number; referrals?: number; chairs: number; rooms: number }): Promise<void> {
  const started = Date.now();
  const line = (text: string) => process.stderr.write(process.stderr.isTTY ? `\r${text}` : `${text}\n`);
  await withCommandDatabase(async ({ db }) => {
    const { imported, simulation } = await generateCasesYear(db, {
      people: options.people, seed: options.seed, pack: settings.pack, from: options.from, days: options.days, referrals: options.referrals, chairs: options.chairs, rooms: options.rooms,
      onImported: (done) => {
        if (done === options.people || done % 10_000 < 1000) line(`${done.toLocaleString('en-GB')}/${options.people.toLocaleString('en-GB')} people loaded`);
      },
      onDay: (day, of) => {
        if (day === of || day % 10 === 0) line(`day ${day} of ${of}, ${Math.round((Date.now() - started) / 1000)} s`);
      },
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    const c = simulation.counts;
    console.log(`Loaded ${imported.created} synthetic people; ${simulation.period.from} to ${simulation.period.to}: ${c.referrals} referrals, ${c.section47} section 47s, ` +
      `${c.initialConferencesHeld} initial and ${c.reviewsHeld} review conferences held, ${c.plansStarted} plans started and ${c.plansEnded} ended, in ${Math.round((Date.now() - started) / 1000)} s.`);
    for (const r of simulation.refusals) console.log(`  refused on ${r.day}: ${r.step} (${r.record}): ${r.message}`);
    if (simulation.refusals.length) process.exitCode = 1;
  }, { settings });
}
