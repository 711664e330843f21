import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';

export type Engine = 'pglite' | 'postgres';

/** Where test databases are created; each test file gets its own, dropped afterwards. */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let postgresAvailable: Promise<boolean> | null = null;

export function isPostgresAvailable(): Promise<boolean> {
  postgresAvailable ??= (async () => {
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return postgresAvailable;
}

// Decided once per test file, before any describe runs: vitest supports top-level await.
const postgresUp = await isPostgresAvailable();
if (!postgresUp) {
  if (process.env.CI) {
    throw new Error(`PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL}: CI must run the integration tests on PostgreSQL too.`);
  }
  console.warn(
    `\n!!! PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL}: the PostgreSQL half of the integration tests is SKIPPED.\n` +
      '!!! Start it (pg_ctlcluster ... main start) or set TEST_POSTGRES_URL. CI fails in this state.\n',
  );
}

export interface TestDatabase {
  handle: DatabaseHandle;
  drop(): Promise<void>;
}

/** A fresh, migrated database: PGlite in memory, or a new PostgreSQL database. */
export async function freshDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const handle = await openDatabase({ memory: true });
    await handle.migrate();
    return { handle, drop: () => handle.close() };
  }
  const name = `convene_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  await handle.migrate();
  return {
    handle,
    drop: async () => {
      await handle.close();
      const a = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** Runs the same suite against PGlite and PostgreSQL; PostgreSQL is skipped loudly (never in CI) when down. */
export function describeEachEngine(title: string, body: (engine: Engine) => void): void {
  describe(`${title} [pglite]`, () => body('pglite'));
  (postgresUp ? describe : describe.skip)(`${title} [postgres]`, () => body('postgres'));
}
