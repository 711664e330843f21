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
});
