import type { Command } from 'commander';
import { loadSettings } from '../../config.js';
import { migrationStatus } from '../../db/migration-status.js';
import { rolesSetupSql } from '../../db/roles.js';
import { exportData, importData } from '../../db/transfer.js';
import { openConfiguredDatabase } from '../../runtime.js';

export function register(program: Command): void {
  const db = program.command('db').description('database: migrate, status, export, import');

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
      const settings = loadSettings();
      const database = await openConfiguredDatabase(settings);
      try {
        await database.migrate();
        const status = await migrationStatus(database);
        console.log(`Migrated ${database.describe}: ${status.applied.length} of ${status.known.length} migrations applied.`);
      } finally {
        await database.close();
      }
    });

  db.command('status')
    .description('list migrations and whether each is applied')
    .action(async () => {
      const settings = loadSettings();
      const database = await openConfiguredDatabase(settings);
      try {
        const status = await migrationStatus(database);
        console.log(`Database: ${database.describe}`);
        for (const m of status.known) console.log(`${status.applied.includes(m.hash) ? 'applied' : 'PENDING'}  ${m.tag}`);
        const pending = status.known.filter((m) => !status.applied.includes(m.hash)).length;
        console.log(pending ? `${pending} pending: run bin/convene db migrate` : 'Up to date.');
      } finally {
        await database.close();
      }
    });

  db.command('export <file>')
    .description('write every table to a JSON file (to move from PGlite to PostgreSQL)')
    .action(async (file: string) => {
      const settings = loadSettings();
      const database = await openConfiguredDatabase(settings);
      try {
        await database.migrate();
        const counts = await exportData(database.db, file);
        console.log(`Exported ${Object.values(counts).reduce((a, b) => a + b, 0)} rows to ${file}`);
      } finally {
        await database.close();
      }
    });

  db.command('import <file>')
    .description('load a JSON export into an empty database (migrated first)')
    .action(async (file: string) => {
      const settings = loadSettings();
      const database = await openConfiguredDatabase(settings);
      try {
        await database.migrate();
        const counts = await importData(database.db, file);
        console.log(`Imported ${Object.values(counts).reduce((a, b) => a + b, 0)} rows into ${database.describe}`);
      } finally {
        await database.close();
      }
    });
}
