import type { Command } from 'commander';
import { clockFromSettings } from '../../clock/clock.js';
import { loadSettings } from '../../config.js';
import { requestDueReviews } from '../../modules/plans/request-due-reviews.js';
import { withConfiguredDatabase } from '../with-database.js';

export function register(program: Command): void {
  const reviews = program.command('reviews').description('review conferences of children on a plan');
  reviews
    .command('request')
    .description('ask business support to book every review coming due (20 working days ahead); safe to run repeatedly')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const settings = loadSettings();
      await withConfiguredDatabase(settings, async (database) => {
        const result = await requestDueReviews(database.db, clockFromSettings(settings)(), settings.pack);
        if (options.json) {
          console.log(JSON.stringify(result));
          return;
        }
        console.log(`Checked ${result.checked} open plans; requested ${result.requested.length} review${result.requested.length === 1 ? '' : 's'}.`);
        for (const r of result.requested) console.log(`  review ${r.conferenceId} to be held by ${r.holdBy}`);
      });
    });
}
