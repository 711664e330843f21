import fs from 'node:fs';
import type { Command } from 'commander';
import { clockFromSettings } from '../../clock/clock.js';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import { loadSettings } from '../../config.js';
import { divisionLabel } from '../../domain/calendar/division-label.js';
import { applyCalendarImport, previewCalendarImport } from '../../modules/calendar/import-calendar.js';
import { systemContext } from '../../modules/shared/action-context.js';
import { ValidationError } from '../../modules/shared/errors.js';
import { withConfiguredDatabase } from '../with-database.js';

export function register(program: Command): void {
  const calendar = program.command('calendar').description('bank-holiday calendars');
  calendar
    .command('import <file>')
    .description('import the official bank-holidays JSON: shows the days added and removed; --yes applies them')
    .option('--yes', 'apply the changes (without it, only show them)')
    .action(async (file: string, options: { yes?: boolean }) => {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        console.error(`Cannot read ${file}`);
        process.exitCode = 2;
        return;
      }
      const settings = loadSettings();
      await withConfiguredDatabase(settings, async (database) => {
        try {
          const changes = options.yes
            ? await applyCalendarImport(database.db, systemContext(clockFromSettings(settings)()), text)
            : await previewCalendarImport(database.db, text, londonDateOf(clockFromSettings(settings)()).toString());
          for (const c of changes) {
            console.log(`${divisionLabel(c.division)}: ${c.added.length} added, ${c.removed.length} removed; covers ${c.after.coversFrom} to ${c.after.coversTo}`);
            for (const d of c.added) console.log(`  + ${d.date} ${d.title}`);
            for (const d of c.removed) console.log(`  - ${d.date} ${d.title}`);
          }
          console.log(options.yes ? 'Applied.' : 'Nothing changed yet: run again with --yes to apply.');
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          console.error(`Not imported: ${error.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
          process.exitCode = 2;
        }
      });
    });
}
