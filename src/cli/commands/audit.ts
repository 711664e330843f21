import type { Command } from 'commander';
import { anchorAuditChain, readAnchors, verifyAuditChain } from '../../modules/audit/verify-chain.js';
import { withCommandDatabase } from '../run-command.js';

export function register(program: Command): void {
  const audit = program.command('audit').description('the audit trail: verify its hash chain, anchor it outside the database');
  audit
    .command('verify')
    .description('recompute the hash chain and name the first row edited, deleted, inserted or reordered (exit code 1 if any)')
    .option('--json', 'print the result as JSON')
    .option('--anchor <file>', 'also check every hash anchored in this file (catches rows cut from the end or a rewritten chain)')
    .action(async (options: { json?: boolean; anchor?: string }) => {
      await withCommandDatabase(async ({ db }) => {
        const report = await verifyAuditChain(db, { anchors: options.anchor ? readAnchors(options.anchor) : [] });
        if (options.json) console.log(JSON.stringify(report));
        else if (report.ok) console.log(`Audit trail intact: ${report.rowsChecked} rows, last chain position ${report.lastSeq ?? 0}, hash ${report.lastHash ?? '(none)'}.`);
        else console.log(`AUDIT TRAIL TAMPERED (${report.finding!.kind}): ${report.finding!.message}. ${report.rowsChecked} rows checked.`);
        if (!report.ok) process.exitCode = 1;
      });
    });
  audit
    .command('anchor <file>')
    .description('append the latest chain position and hash, with the time, to FILE; run daily and keep FILE off the database server')
    .action(async (file: string) => {
      await withCommandDatabase(async ({ db, now }) => {
        const anchor = await anchorAuditChain(db, file, now());
        console.log(anchor ? `Anchored chain position ${anchor.seq} (${anchor.hash}) in ${file}.` : 'The audit trail is empty: nothing to anchor.');
      });
    });
}
