import type { Command } from 'commander';
import { sendReportReminders } from '../../modules/reports/send-report-reminders.js';
import { withCommandDatabase } from '../run-command.js';

export function register(program: Command): void {
  const reminders = program.command('reminders').description('reminders to people who owe a report');
  reminders
    .command('send')
    .description('queue one reminder to each invited professional whose report is due within 2 working days; safe to run repeatedly')
    .action(async () => {
      await withCommandDatabase(async ({ db, now }) => {
        const result = await sendReportReminders(db, now());
        console.log(`Checked ${result.checked} invitations; queued ${result.reminded.length} reminder${result.reminded.length === 1 ? '' : 's'}.`);
      });
    });
}
