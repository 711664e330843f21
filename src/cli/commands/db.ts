import type { Command } from 'commander';
import { migrationStatus } from '../../db/migration-status.js';
import { rolesSetupSql } from '../../db/roles.js';
import { exportData, importData } from '../../db/transfer.js';
import { backupDatabase, BackupError, restoreDatabase } from '../../db/backup.js';
import { verifyAuditChain } from '../../modules/audit/verify-chain.js';
import { withCommandDatabase } from '../run-command.js';

/** A backup or restore that cannot go on (a file that is not a backup, a database not empty …): why, and exit code 1. */
async function failingOnBackupError(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}

/** Each db command opens the configured database, does its one thing, and closes it whatever happens. */
export function register(program: Command): void {
  const db = program.command('db').description('database: migrate, status, backup, restore, export, import');

  db.command('roles')
    .description('print the SQL that sets up an owner role (migrations) and a runtime role that can only INSERT and SELECT audit rows')
    .option('--database <name>', 'database name', 'convene')
    .option('--owner <role>', 'owner role: runs migrations, owns the tables', 'convene_owner')
    .option('--app <role>', 'runtime role the application signs in as', 'convene_app')
    .action((options: { database: string; owner: string; app: string }) => {
      console.log(rolesSetupSql(options));
    });

  db.command('migrate')
    .description('apply any migrations not yet applied (PGlite in CONVENE_DATA_DIR, or DATABASE_URL)')
    .action(async () => {
      await withCommandDatabase(async ({ database }) => {
        await database.migrate();
        const status = await migrationStatus(database);
        console.log(`Migrated ${database.describe}: ${status.applied.length} of ${status.known.length} migrations applied.`);
      }, { migrate: false });
    });

  db.command('status')
    .description('list migrations and whether each is applied')
    .action(async () => {
      await withCommandDatabase(async ({ database }) => {
        const status = await migrationStatus(database);
        console.log(`Database: ${database.describe}`);
        for (const m of status.known) console.log(`${status.applied.includes(m.hash) ? 'applied' : 'PENDING'}  ${m.tag}`);
        const pending = status.known.filter((m) => !status.applied.includes(m.hash)).length;
        console.log(pending ? `${pending} pending: run bin/convene db migrate` : 'Up to date.');
      }, { migrate: false });
    });

  db.command('export <file>')
    .description('write every table to a JSON file (to move from PGlite to PostgreSQL)')
    .action(async (file: string) => {
      await withCommandDatabase(async ({ database }) => {
        const counts = await exportData(database.db, file);
        console.log(`Exported ${Object.values(counts).reduce((a, b) => a + b, 0)} rows to ${file}`);
      });
    });

  db.command('import <file>')
    .description('load a JSON export into an empty database (migrated first)')
    .action(async (file: string) => {
      await withCommandDatabase(async ({ database }) => {
        const counts = await importData(database.db, file);
        console.log(`Imported ${Object.values(counts).reduce((a, b) => a + b, 0)} rows into ${database.describe}`);
      });
    });

  db.command('backup <file>')
    .description('write the whole database to FILE (gzip\'d JSON lines, mode 0600; sessions left out), the same for PGlite and PostgreSQL')
    .action(async (file: string) => {
      await withCommandDatabase(async ({ database }) => {
        await failingOnBackupError(async () => {
          const result = await backupDatabase(database, file);
          console.log(`Backed up ${result.rows} rows in ${result.tables} tables from ${database.describe} to ${file}.`);
        });
      }, { migrate: false });
    });

  db.command('restore <file>')
    .description('load a backup into an empty database, check every table against it, then verify the audit trail')
    .option('--force', 'the database is not empty: delete everything in it and replace it with the backup')
    .action(async (file: string, options: { force?: boolean }) => {
      await withCommandDatabase(async ({ database }) => {
        await failingOnBackupError(async () => {
          const result = await restoreDatabase(database, file, { force: options.force === true });
          console.log(`${result.replaced ? 'Replaced everything in' : 'Restored into'} ${database.describe}: ${result.rows} rows in ${result.tables} tables; every table's row count and checksum match the backup.`);
          const chain = await verifyAuditChain(database.db);
          if (chain.ok) console.log(`Audit trail intact: ${chain.rowsChecked} rows, hash ${chain.lastHash ?? '(none)'}. Check it against your anchor file: bin/convene audit verify --anchor FILE`);
          else {
            console.error(`AUDIT TRAIL TAMPERED (${chain.finding!.kind}): ${chain.finding!.message}`);
            process.exitCode = 1;
          }
          if (database.engine === 'postgres') console.log('On PostgreSQL with two roles, grant the runtime role its rights again: bin/convene db roles');
        });
      }, { migrate: false });
    });
}
