import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client.js';
import { seedDemo } from '../demo/seed-demo.js';
import { refreshPlannerStatistics } from './planner-statistics.js';

// PGlite has no autovacuum: until something analyses them, the planner takes every table for empty.
describe('the planner statistics job [pglite]', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openDatabase({ memory: true });
    await database.migrate();
    await seedDemo(database.db, { password: 'planner-statistics', dataDir: '/tmp/convene-test-unused', pack: 'national', now: new Date('2026-12-07T09:00:00Z') });
  });
  afterAll(async () => database.close());

  const rowsKnown = async (table: string) => {
    const answer = await database.db.execute(sql`select reltuples::float8 as n from pg_class where relname = ${table}`);
    const rows = (answer as unknown as { rows: { n: number }[] }).rows;
    return Number(rows[0]!.n);
  };

  it('tells the planner how many people and plans there are', async () => {
    expect(await rowsKnown('people')).toBeLessThanOrEqual(0);
    await refreshPlannerStatistics(database.db);
    const people = await database.db.execute(sql`select count(*)::int as n from people`);
    expect(await rowsKnown('people')).toBe(Number((people as unknown as { rows: { n: number }[] }).rows[0]!.n));
  });

  it('reclaims the dead copies the audit seal leaves of every audit row', async () => {
    // Three audit rows written and sealed: the seal's update leaves a dead copy of each.
    await database.db.execute(sql`insert into audit_events (at, action, outcome) select now(), 'test-read', 'allowed' from generate_series(1, 3)`);
    // The table's counts as of the last statement: statistics are otherwise sent at most once a second.
    const dead = async () => {
      await database.db.execute(sql`select pg_stat_force_next_flush()`);
      return Number(((await database.db.execute(sql`select n_dead_tup::int as n from pg_stat_user_tables where relname = 'audit_events'`)) as unknown as { rows: { n: number }[] }).rows[0]!.n);
    };
    expect(await dead()).toBeGreaterThan(0);
    await refreshPlannerStatistics(database.db);
    expect(await dead()).toBe(0);
  });
});
