import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { isPostgresAvailable, POSTGRES_ADMIN_URL } from '../../test/support/database.js';
import { MIGRATIONS_FOLDER, openDatabase } from './client.js';

// Two instances starting at once on a new database: both migrate() calls succeed and every
// migration is applied exactly once (the advisory lock in client.ts). Without the lock the second
// instance fails on objects the first has just created.
// PGlite is one process with one connection: there is nothing to race (the data-folder lock keeps a second process out).
(await isPostgresAvailable() ? describe : describe.skip)('migrations under an advisory lock [postgres]', () => {
  it('migrates once when two instances start together on a fresh database', async () => {
    const name = `convene_test_lock_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    const [a, b] = await Promise.all([openDatabase({ url: url.toString() }), openDatabase({ url: url.toString() })]);
    try {
      const outcomes = await Promise.allSettled([a.migrate(), b.migrate()]);
      expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual(['ok', 'ok']);
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      const rows = (await client.query<{ hash: string; n: number }>('select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash')).rows;
      const locks = (await client.query<{ n: number }>(`select count(*)::int as n from pg_locks where locktype = 'advisory'`)).rows[0]?.n;
      await client.end();
      const known = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => m.hash);
      expect(rows.map((r) => r.hash).sort()).toEqual([...known].sort());
      expect(rows.every((r) => r.n === 1)).toBe(true);
      // Nothing is left holding the lock once both have finished.
      expect(locks).toBe(0);
      // A third start finds everything applied and returns without waiting.
      await expect(a.migrate()).resolves.toBeUndefined();
    } finally {
      await a.close();
      await b.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
