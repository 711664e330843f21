import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine, freshDatabase, type TestDatabase } from '../../test/support/database.js';
import { statementName } from './named-statements.js';

describe('statementName', () => {
  it('names a statement with parameters by its text, the same name each time', () => {
    const a = statementName('select $1::int as one', 1);
    expect(a).toMatch(/^c_[\w-]+$/);
    expect(statementName('select $1::int as one', 1)).toBe(a);
    expect(statementName('select $1::int as two', 1)).not.toBe(a);
  });

  it('leaves unnamed a statement without parameters, or with a long list of them', () => {
    expect(statementName('begin', 0)).toBeUndefined();
    expect(statementName('select * from t where id in ($1, …)', 101)).toBeUndefined();
  });
});

describeEachEngine('named statements', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(engine);
  });
  afterAll(async () => database.drop());

  it('prepares a statement with parameters once per connection and answers it the same each time', async () => {
    const db = database.handle.db;
    // In one transaction, so every statement goes through the same connection.
    const seen = await db.transaction(async (tx) => {
      const answers: unknown[] = [];
      for (const n of [1, 2, 3]) answers.push(((await tx.execute(sql`select ${n}::int + 1 as next`)) as unknown as { rows: { next: number }[] }).rows[0]!.next);
      const prepared = ((await tx.execute(sql`select count(*)::int as n from pg_prepared_statements where statement = ${'select $1::int + 1 as next'}`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
      return { answers, prepared };
    });
    expect(seen.answers).toEqual([2, 3, 4]);
    // On PGlite too (pglite-named-statements.ts): the one database session keeps the statement.
    expect(seen.prepared).toBe(1);
  });

  it('keeps a transaction that failed and rolled back from breaking the next use of a named statement', async () => {
    const db = database.handle.db;
    await expect(db.transaction(async (tx) => {
      await tx.execute(sql`select ${1}::int / 0 as never`);
    })).rejects.toThrow();
    const after = (await db.execute(sql`select ${4}::int / 2 as half`)) as unknown as { rows: { half: number }[] };
    expect(after.rows[0]!.half).toBe(2);
  });
});
