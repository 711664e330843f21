import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { closureDays, DATA_GENERATION_EXEMPT } from './schema/index.js';
import { recordAudit } from '../modules/audit/record-audit.js';
import { systemContext } from '../modules/shared/action-context.js';
import { readDataGeneration } from '../modules/shared/data-generation.js';
import { rowsOf } from '../modules/shared/rows-of.js';
import { describeEachEngine } from '../../test/support/database.js';
import { suiteDatabase } from '../../test/support/suite-database.js';

const NOW = new Date('2026-03-02T10:00:00Z');

describeEachEngine('the count of committed changes work lists are kept under (migration 0043)', (engine) => {
  const suite = suiteDatabase(engine);

  it('every table but the exempt ones moves it on insert, update, delete and truncate; the exempt ones do not', async () => {
    const rows = rowsOf<{ table: string; triggers: string | null }>(await suite.db().execute(sql`
      select c.relname as "table", string_agg(t.tgname, ',' order by t.tgname) as triggers
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        left join pg_trigger t on t.tgrelid = c.oid and t.tgname like 'data_generation_%'
       where n.nspname = 'public' and c.relkind = 'r'
       group by c.relname order by c.relname`));
    expect(rows.length).toBeGreaterThan(80);
    const exempt: readonly string[] = DATA_GENERATION_EXEMPT;
    for (const { table, triggers } of rows) {
      // A new table needs the trigger in its migration, or a place in DATA_GENERATION_EXEMPT.
      expect({ table, triggers }).toEqual({ table, triggers: exempt.includes(table) ? (table === 'data_generation_marks' ? 'data_generation_commit' : null) : 'data_generation_changed' });
    }
    expect(exempt.filter((t) => !rows.some((r) => r.table === t))).toEqual([]);
  });

  it('moves by one at the commit of a transaction that writes, however many rows, and not before', async () => {
    const db = suite.db();
    const before = await readDataGeneration(db);
    const inside = await db.transaction(async (tx) => {
      await tx.insert(closureDays).values([{ date: '2026-12-29', title: 'Closed' }, { date: '2026-12-30', title: 'Closed' }]);
      await tx.update(closureDays).set({ title: 'Office closed' }).where(sql`${closureDays.date} = '2026-12-29'`);
      return readDataGeneration(tx);
    });
    expect(inside).toBe(before);
    expect(await readDataGeneration(db)).toBe(before + 1);
    await db.delete(closureDays);
    expect(await readDataGeneration(db)).toBe(before + 2);
    // Each mark is taken away at its commit.
    expect(rowsOf(await db.execute(sql`select txid from data_generation_marks`))).toEqual([]);
  });

  it('does not move for a transaction rolled back, nor for an audit row written by a read', async () => {
    const db = suite.db();
    const before = await readDataGeneration(db);
    await expect(db.transaction(async (tx) => {
      await tx.insert(closureDays).values({ date: '2027-01-04', title: 'Closed' });
      throw new Error('refused after writing');
    })).rejects.toThrow('refused');
    await recordAudit(db, systemContext(NOW), { action: 'children-shown-in-list', details: {} });
    expect(await readDataGeneration(db)).toBe(before);
  });

  it('moves on truncate', async () => {
    const db = suite.db();
    await db.insert(closureDays).values({ date: '2027-01-05', title: 'Closed' });
    const before = await readDataGeneration(db);
    await db.execute(sql`truncate closure_days`);
    expect(await readDataGeneration(db)).toBe(before + 1);
  });

  it('many transactions at once, writing audit rows and records in either order, all commit and each counts once', async () => {
    const db = suite.db();
    const before = await readDataGeneration(db);
    const writers = Array.from({ length: 24 }, (_, i) => db.transaction(async (tx) => {
      const day = `2027-02-${String(i + 1).padStart(2, '0')}`;
      // Half write the audit row first, half the record first: the deferred triggers then fire in
      // both orders at commit, and must never wait on each other in turn.
      if (i % 2 === 0) await recordAudit(tx, systemContext(NOW), { action: 'test-event', details: { i } });
      await tx.insert(closureDays).values({ date: day, title: `Closed ${i}` });
      if (i % 2 === 1) await recordAudit(tx, systemContext(NOW), { action: 'test-event', details: { i } });
    }));
    const outcomes = await Promise.allSettled(writers);
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect(await readDataGeneration(db)).toBe(before + 24);
  });
});
