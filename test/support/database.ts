import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { migratedPgliteSnapshot, migrationsId } from './migrated-snapshot.js';

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

/** Key for the advisory lock under which one test process makes the PostgreSQL template. */
const TEMPLATE_LOCK_KEY = '7162024099';

/** A migrated PostgreSQL template database, made once per set of migrations under an advisory lock. */
async function migratedPostgresTemplate(admin: pg.Client): Promise<string> {
  const template = `convene_template_${migrationsId()}`;
  const exists = async () => (await admin.query('select 1 from pg_database where datname = $1', [template])).rowCount === 1;
  if (await exists()) return template;
  await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
  try {
    if (await exists()) return template;
    // Made under another name and renamed when complete, so a template is never half-migrated.
    const building = `${template}_building`;
    await admin.query(`drop database if exists ${building} with (force)`);
    await admin.query(`create database ${building}`);
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${building}`;
    const handle = await openDatabase({ url: url.toString() });
    try {
      await handle.migrate();
    } finally {
      await handle.close();
    }
    await admin.query(`alter database ${building} rename to ${template}`);
    return template;
  } finally {
    await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
  }
}

/** A fresh, migrated database: PGlite in memory, or a new PostgreSQL database. */
export async function freshDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const handle = await openDatabase({ memory: true, from: await migratedPgliteSnapshot() });
    // Nothing to apply when the snapshot is current; kept so a test never runs on an unmigrated schema.
    await handle.migrate();
    return { handle, drop: () => handle.close() };
  }
  const name = `convene_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  try {
    const template = await migratedPostgresTemplate(admin);
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
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
