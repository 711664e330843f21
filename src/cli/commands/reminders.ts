import type { Command } from 'commander';
import { clockFromSettings } from '../../clock/clock.js';
import { loadSettings } from '../../config.js';
import { sendReportReminders } from '../../modules/reports/send-report-reminders.js';
import { withConfiguredDatabase } from '../with-database.js';

export function register(program: Command): void {
  const reminders = program.command('reminders').description('reminders to people who owe a report');
  reminders
    .command('send')
    .description('queue one reminder to each invited professional whose report is due within 2 working days; safe to run repeatedly')
    .action(async () => {
      const settings = loadSettings();
      await withConfiguredDatabase(settings, async (database) => {
        const result = await sendReportReminders(database.db, clockFromSettings(settings)());
        console.log(`Checked ${result.checked} invitations; queued ${result.reminded.length} reminder${result.reminded.length === 1 ? '' : 's'}.`);
      });
    });
}
