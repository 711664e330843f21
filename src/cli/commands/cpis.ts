import fs from 'node:fs';
import type { Command } from 'commander';
import { cpisCsv } from '../../domain/records/cpis-feed.js';
import { exportCpis } from '../../modules/census/export-cpis.js';
import { refusingInvalidInput, withCommandDatabase } from '../run-command.js';

/** `bin/convene cpis export`: the CP-IS feed of plans started or ended in a window (audited). */
export function register(program: Command): void {
  program.command('cpis').description('the CP-IS feed for health services').command('export')
    .description('plans that started or ended between two dates, as CSV or JSON; children without an NHS number are listed, not sent')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .option('--csv <file>', 'write the feed as CSV')
    .option('--json', 'print the feed as JSON')
    .action(async (options: { from: string; to: string; csv?: string; json?: boolean }) => {
      await withCommandDatabase(async ({ db, system }) => {
        await refusingInvalidInput(async () => {
          const feed = await exportCpis(db, system(), { from: options.from, to: options.to });
          if (options.csv) fs.writeFileSync(options.csv, cpisCsv(feed.rows));
          if (options.json) console.log(JSON.stringify(feed));
          else {
            console.log(`${feed.rows.length} plan ${feed.rows.length === 1 ? 'event' : 'events'} from ${feed.from} to ${feed.to}${options.csv ? `, written to ${options.csv}` : ''}.`);
            for (const m of feed.missingNhsNumber) console.log(`  not sent, no valid NHS number: ${m.name} (${m.event} ${m.eventDate})`);
          }
        });
      });
    });
}
