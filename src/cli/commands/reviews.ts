import type { Command } from 'commander';
import { requestDueReviews } from '../../modules/plans/request-due-reviews.js';
import { printJsonOr, withCommandDatabase } from '../run-command.js';

export function register(program: Command): void {
  const reviews = program.command('reviews').description('review conferences of children on a plan');
  reviews
    .command('request')
    .description('ask business support to book every review coming due (20 working days ahead); safe to run repeatedly')
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      await withCommandDatabase(async ({ db, now, settings }) => {
        const result = await requestDueReviews(db, now(), settings.pack);
        printJsonOr(options.json, result, ({ checked, requested }) => [
          `Checked ${checked} open plans; requested ${requested.length} review${requested.length === 1 ? '' : 's'}.`,
          ...requested.map((r) => `  review ${r.conferenceId} to be held by ${r.holdBy}`),
        ]);
      });
    });
}
