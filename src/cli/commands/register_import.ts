// Named to load after any `register.ts`: it adds its subcommand to an existing `register` command.
import fs from 'node:fs';
import type { Command } from 'commander';
import { readCsv } from '../../modules/enquiry/csv.js';
import { ImportHeaderError, importPeople } from '../../modules/enquiry/import-people.js';
import { indexUnkeyedPeople } from '../../modules/enquiry/match-keys.js';
import { printJsonOr, refuse, withCommandDatabase } from '../run-command.js';

export function register(program: Command): void {
  const registerCommand = program.commands.find((c) => c.name() === 'register') ?? program.command('register').description('the register of children on plans');
  registerCommand
    .command('import-people')
    .description('import people from a CSV (personId,givenNames,familyName,aliases,dateOfBirth,sex,address,postcode,previousPostcode,onPlan); idempotent')
    .argument('<file>', 'the CSV file')
    .option('--json', 'print the summary as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
        refuse(`No such file: ${file}`);
        return;
      }
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
      await withCommandDatabase(async ({ db, system }) => {
        try {
          await indexUnkeyedPeople(db);
          const summary = await importPeople(db, system(), readCsv(fs.createReadStream(file, { encoding: 'utf8' })), progress);
          if (tty) process.stderr.write('\n');
          for (const s of summary.skipped) console.error(`line ${s.line}: ${s.message} (skipped)`);
          printJsonOr(options.json, summary, (read) => [
            `Read ${read.rows} rows: ${read.created} added, ${read.updated} updated, ${read.unchanged} unchanged, ${read.skipped.length} skipped; ${read.plansStarted} plans started.`,
          ]);
        } catch (error) {
          if (!(error instanceof ImportHeaderError)) throw error;
          refuse(error.message);
        }
      });
    });
}
