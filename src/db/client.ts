import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import pg from 'pg';
import * as schema from './schema/index.js';
import { acquireDataDirLock, type DataDirLock } from './data-lock.js';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Either the database or a transaction: actions take this so they compose. */
export type Queryable = Database | Transaction;

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface DatabaseHandle {
  db: Database;
  engine: 'pglite' | 'postgres';
  describe: string;
  migrate(): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * `from` starts an in-memory PGlite from a dumped data folder (PGlite's `dumpDataDir`) instead of an
 * empty cluster: the tests open one migrated snapshot per file, which skips initdb and migrations.
 */
export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true; from?: Blob };

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if ('url' in target) return openPostgres(target.url);
  if ('dataDir' in target) return openPglite(target.dataDir, null);
  return openPglite(null, target.from ?? null);
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (a restart, a failover, a dropped test database) emits
  // 'error' on the pool; unhandled, that would stop the whole process. The pool discards that
  // client and opens a new one on next use, so noting it is enough.
  pool.on('error', (error) => {
    if (process.env.NODE_ENV !== 'test') console.warn(`PostgreSQL connection closed by the server: ${error.message}`);
  });
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  const safeUrl = url.replace(/\/\/[^@/]*@/, '//***@');
  return {
    db,
    engine: 'postgres',
    describe: `PostgreSQL at ${safeUrl}`,
    migrate: async () => {
      // A runtime role (see db/roles.ts) has no right to create drizzle's schema: when every
      // migration is applied already, there is nothing to run and nothing to create.
      if (await allMigrationsApplied(pool)) return;
      await underMigrationLock(pool, async () => {
        // Another instance may have migrated while this one waited for the lock.
        if (await allMigrationsApplied(pool)) return;
        await migratePg(drizzlePg(pool), { migrationsFolder: MIGRATIONS_FOLDER });
      });
    },
    ping: async () => {
      try {
        await pool.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      // Idempotent, as PGlite's: a shutdown and a test's cleanup may both close it.
      if (pool.ended) return;
      await pool.end();
    },
  };
}

/**
 * The PostgreSQL advisory lock key that serialises migrations: instances starting together (or
 * `bin/convene db migrate` run beside them) migrate one after the other, so each migration runs once.
 * An arbitrary constant, the same in every Convene build.
 */
export const MIGRATION_LOCK_KEY = 7_162_024_017n;

/** Runs `work` holding the migration lock on a connection of its own; the lock goes with the connection if the process dies. */
async function underMigrationLock(pool: pg.Pool, work: () => Promise<void>): Promise<void> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    try {
      await work();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]).catch(() => void (broken = true));
    }
  } finally {
    client.release(broken);
  }
}

async function allMigrationsApplied(pool: pg.Pool): Promise<boolean> {
  const exists = await pool.query<{ t: string | null }>(`select to_regclass('drizzle.__drizzle_migrations')::text as t`);
  if (!exists.rows[0]?.t) return false;
  const applied = new Set((await pool.query<{ hash: string }>('select hash from drizzle.__drizzle_migrations')).rows.map((r) => r.hash));
  return readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).every((m) => applied.has(m.hash));
}

async function openPglite(dataDir: string | null, from: Blob | null): Promise<DatabaseHandle> {
  let lock: DataDirLock | null = null;
  if (dataDir) lock = acquireDataDirLock(dataDir);
  let client: PGlite;
  try {
    client = dataDir ? new PGlite(path.join(dataDir, 'pglite')) : new PGlite(from ? { loadDataDir: from } : undefined);
    await client.waitReady;
    // Every page of an embedded database is in memory: a random read costs what a sequential one
    // does, so the planner should not prefer scanning a whole table to a hundred index lookups.
    await client.exec('set random_page_cost = 1.1');
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  let closed = false;
  return {
    db,
    engine: 'pglite',
    describe: dataDir ? `embedded PGlite in ${path.join(dataDir, 'pglite')}` : 'embedded PGlite in memory',
    migrate: async () => {
      await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
    },
    ping: async () => {
      try {
        await client.query('select 1');
        return !closed;
      } catch {
        return false;
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}
