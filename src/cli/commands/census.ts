import fs from 'node:fs';
import type { Command } from 'commander';
import { CENSUS_RULES } from '../../domain/census/validate.js';
import { exportCensus } from '../../modules/census/export-census.js';
import { refusingInvalidInput, withCommandDatabase } from '../run-command.js';

/** `bin/convene census export`: the CIN census file, written only when the Department's checks pass (or when told to anyway). */
export function register(program: Command): void {
  const census = program.command('census').description('the Children in Need census return (child protection parts)');
  census
    .command('export')
    .description('check the census year and write the XML return')
    .requiredOption('--reference-date <date>', '31 March that ends the census year, YYYY-03-31')
    .requiredOption('--la-code <code>', 'the authority’s three-digit LA code')
    .option('--out <file>', 'where to write the XML')
    .option('--with-errors', 'write the file even though some checks fail')
    .option('--json', 'print the check report as JSON')
    .action(async (options: { referenceDate: string; laCode: string; out?: string; withErrors?: boolean; json?: boolean }) => {
      await withCommandDatabase(async ({ db, system }) => {
        await refusingInvalidInput(async () => {
          const result = await exportCensus(db, system(), { referenceDate: options.referenceDate, laCode: options.laCode, version: '0.1.0' });
          if (options.json) {
            console.log(JSON.stringify({ referenceDate: result.referenceDate, children: result.children.length, errors: result.errors, queries: result.queries, failures: result.failures }));
          } else {
            console.log(`Census year ending ${result.referenceDate}: ${result.children.length} children; ${result.errors} errors, ${result.queries} queries.`);
            for (const f of result.failures) console.log(`  ${f.severity === 'error' ? 'ERROR' : 'query'} ${f.rule} ${f.laChildId ?? '(no LA id)'}: ${f.message} [${CENSUS_RULES[f.rule]}]`);
          }
          if (options.out && (result.errors === 0 || options.withErrors)) {
            fs.writeFileSync(options.out, result.xml);
            if (!options.json) console.log(`Written to ${options.out}.`);
          } else if (options.out) {
            console.error(`Not written: fix the ${result.errors} errors above, or give --with-errors.`);
          }
          process.exitCode = result.errors > 0 ? 1 : 0;
        });
      });
    });
}
