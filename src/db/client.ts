import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { nameStatementsOf } from './named-statements.js';
import { nameStatementsOfPglite } from './pglite-named-statements.js';
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

/**
 * One transaction on one connection for loading many rows: COPY takes tab-separated text (build it
 * with `copyLine`), far quicker than INSERT for a bulk load. PostgreSQL reads it as `COPY … FROM
 * STDIN`, PGlite from its `/dev/blob` device.
 */
export interface BulkSession {
  copy(table: string, columns: readonly string[], text: string): Promise<void>;
  query<R = Record<string, unknown>>(statement: string, params?: unknown[]): Promise<R[]>;
}

export interface DatabaseHandle {
  db: Database;
  engine: 'pglite' | 'postgres';
  describe: string;
  /** Runs `work` in one transaction given to it as a bulk session: all of it commits, or none. */
  bulk<T>(work: (session: BulkSession) => Promise<T>): Promise<T>;
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
  nameStatementsOf(pool);
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
    bulk: async (work) => {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('begin');
        const session: BulkSession = {
          copy: (table, columns, text) => client.query(new CopyFromStdin(`copy ${table} (${columns.join(', ')}) from stdin`, text)).then(() => undefined),
          query: async (statement, params) => (await client.query(statement, params)).rows,
        };
        try {
          const result = await work(session);
          await client.query('commit');
          return result;
        } catch (error) {
          await client.query('rollback').catch(() => void (broken = true));
          throw error;
        }
      } finally {
        client.release(broken);
      }
    },
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
    nameStatementsOfPglite(client);
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
    bulk: (work) =>
      client.transaction((tx) =>
        work({
          copy: async (table, columns, text) => {
            await tx.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([text]) });
          },
          query: async (statement, params) => (await tx.query(statement, params)).rows as never,
        }),
      ),
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

/** A field of a COPY text-format line: backslash, tab and line breaks escaped, null as \N. */
export function copyField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** One line of COPY text format. */
export function copyLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(copyField).join('\t')}\n`;
}

/**
 * `COPY … FROM STDIN` for node-postgres without another package: a submittable query that answers
 * the server's CopyInResponse with the text in chunks, then CopyDone.
 */
class CopyFromStdin {
  private resolve!: () => void;
  private reject!: (error: Error) => void;
  private failed: Error | null = null;
  readonly done: Promise<void>;
  constructor(
    private readonly statement: string,
    private readonly text: string,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }
  submit(connection: { query(text: string): void }): void {
    connection.query(this.statement);
  }
  handleCopyInResponse(connection: { sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void }): void {
    const buffer = Buffer.from(this.text, 'utf8');
    const CHUNK = 1 << 20;
    for (let i = 0; i < buffer.length; i += CHUNK) connection.sendCopyFromChunk(buffer.subarray(i, i + CHUNK));
    connection.endCopyFrom();
  }
  handleCommandComplete(): void {}
  handleError(error: Error): void {
    this.failed = error;
  }
  handleReadyForQuery(): void {
    if (this.failed) this.reject(this.failed);
    else this.resolve();
  }
  // Never sent by a COPY FROM; present because the client calls whichever the server answers.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
  // The client passes a submittable back from query(); awaiting it waits for the copy.
  then<R1, R2>(onFulfilled?: (value: void) => R1 | PromiseLike<R1>, onRejected?: (reason: unknown) => R2 | PromiseLike<R2>): Promise<R1 | R2> {
    return this.done.then(onFulfilled, onRejected);
  }
}
