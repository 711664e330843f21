// Named to load after any `register.ts`: it adds its subcommand to an existing `register` command.
import fs from 'node:fs';
import type { Command } from 'commander';
import { clockFromSettings } from '../../clock/clock.js';
import { loadSettings } from '../../config.js';
import { readCsv } from '../../modules/enquiry/csv.js';
import { ImportHeaderError, importPeople } from '../../modules/enquiry/import-people.js';
import { indexUnkeyedPeople } from '../../modules/enquiry/match-keys.js';
import { systemContext } from '../../modules/shared/action-context.js';
import { openConfiguredDatabase } from '../../runtime.js';

export function register(program: Command): void {
  const registerCommand = program.commands.find((c) => c.name() === 'register') ?? program.command('register').description('the register of children on plans');
  registerCommand
    .command('import-people')
    .description('import people from a CSV (personId,givenNames,familyName,aliases,dateOfBirth,sex,address,postcode,previousPostcode,onPlan); idempotent')
    .argument('<file>', 'the CSV file')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
        console.error(`No such file: ${file}`);
        process.exitCode = 2;
        return;
      }
      const settings = loadSettings();
      const database = await openConfiguredDatabase(settings);
      const started = Date.now();
      const tty = process.stderr.isTTY;
      let lastReport = 0;
      const progress = (done: number) => {
        if (tty) process.stderr.write(`\rimported ${done.toLocaleString('en-GB')} rows (${Math.round((Date.now() - started) / 1000)} s)`);
        else if (done - lastReport >= 50_000) {
          lastReport = done;
          process.stderr.write(`imported ${done.toLocaleString('en-GB')} rows (${Math.round((Date.now() - started) / 1000)} s)\n`);
        }
      };
      try {
        await database.migrate();
        await indexUnkeyedPeople(database.db);
        const summary = await importPeople(database.db, systemContext(clockFromSettings(settings)()), readCsv(fs.createReadStream(file, { encoding: 'utf8' })), progress);
        if (tty) process.stderr.write('\n');
        for (const s of summary.skipped) console.error(`line ${s.line}: ${s.message} (skipped)`);
        if (options.json) console.log(JSON.stringify(summary));
        else {
          console.log(
            `Read ${summary.rows} rows: ${summary.created} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.skipped.length} skipped; ${summary.plansStarted} plans started.`,
          );
        }
      } catch (error) {
        if (error instanceof ImportHeaderError) {
          console.error(error.message);
          process.exitCode = 2;
          return;
        }
        throw error;
      } finally {
        await database.close();
      }
    });
}
