import fs from 'node:fs';
import type { Command } from 'commander';
import { londonDateOf } from '../../domain/calendar/london-time.js';
import { divisionLabel } from '../../domain/calendar/division-label.js';
import { applyCalendarImport, previewCalendarImport } from '../../modules/calendar/import-calendar.js';
import { refuse, refusingInvalidInput, withCommandDatabase } from '../run-command.js';

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
        refuse(`Cannot read ${file}`);
        return;
      }
      await withCommandDatabase(async ({ db, now, system }) => {
        await refusingInvalidInput(async () => {
          const changes = options.yes
            ? await applyCalendarImport(db, system(), text)
            : await previewCalendarImport(db, text, londonDateOf(now()).toString());
          for (const c of changes) {
            console.log(`${divisionLabel(c.division)}: ${c.added.length} added, ${c.removed.length} removed; covers ${c.after.coversFrom} to ${c.after.coversTo}`);
            for (const d of c.added) console.log(`  + ${d.date} ${d.title}`);
            for (const d of c.removed) console.log(`  - ${d.date} ${d.title}`);
          }
          console.log(options.yes ? 'Applied.' : 'Nothing changed yet: run again with --yes to apply.');
        }, { prefix: 'Not imported: ', separator: '; ' });
      });
    });
}
