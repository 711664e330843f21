import pg from 'pg';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine, POSTGRES_ADMIN_URL } from '../../test/support/database.js';
import { suiteDatabase } from '../../test/support/suite-database.js';

type Rows<T> = { rows: T[] };

describeEachEngine('losing a database connection', (engine) => {
  const suite = suiteDatabase(engine);

  it('keeps working after the server ends an idle connection, instead of crashing the process', async () => {
    const db = suite.db();
    const current = (await db.execute(sql`select current_database() as name`)) as unknown as Rows<{ name: string }>;
    if (engine === 'postgres') {
      const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await admin.connect();
      // What a restart or failover does to the pool's idle connections.
      const ended = await admin.query('select pg_terminate_backend(pid) as ended from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [current.rows[0]!.name]);
      await admin.end();
      expect(ended.rows.length).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const after = (await db.execute(sql`select 1 as one`)) as unknown as Rows<{ one: number }>;
    expect(after.rows[0]?.one).toBe(1);
  });
});
