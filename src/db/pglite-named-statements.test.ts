import { PGlite, type Results } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameStatementsOfPglite } from './pglite-named-statements.js';

// The same statements through PGlite's own query and through the named path, side by side: rows,
// fields, counts and errors must be what PGlite itself returns.
describe('named statements on PGlite', () => {
  let plain: PGlite;
  let named: PGlite;
  const setUp = `
    create table t (id uuid primary key, n int, amount numeric(8,2), at timestamptz, on_day date, tags text[], doc jsonb, note text);
    insert into t values
      ('00000000-0000-4000-8000-000000000001', 1, 12.50, '2027-03-28 00:30:00+00', '2027-03-28', '{a,b}', '{"k": [1, "x"]}', null),
      ('00000000-0000-4000-8000-000000000002', 2, null, null, null, '{}', '"just text"', 'it''s');
  `;
  beforeAll(async () => {
    plain = new PGlite();
    named = new PGlite();
    await plain.exec(setUp);
    await named.exec(setUp);
    nameStatementsOfPglite(named);
  });
  afterAll(async () => {
    await plain.close();
    await named.close();
  });

  const both = async (query: string, params: unknown[], options?: Parameters<PGlite['query']>[2]) => {
    const shape = (r: Results) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows });
    return { plain: shape(await plain.query(query, params, options)), named: shape(await named.query(query, params, options)) };
  };

  it('answers a select of every kind of value as PGlite does, in object and array rows', async () => {
    const query = 'select * from t where n >= $1 and ($2::text is null or note = $2) order by n';
    for (const params of [[0, null], [2, "it's"], [3, null]]) {
      const { plain: a, named: b } = await both(query, params);
      expect(b).toEqual(a);
      const arrays = await both(query, params, { rowMode: 'array' });
      expect(arrays.named).toEqual(arrays.plain);
      // As drizzle asks: dates and timestamps left as the text the database sent, the rest parsed.
      const asText = await both(query, params, { rowMode: 'array', parsers: { 1184: (value: string) => value, 1082: (value: string) => value } });
      expect(asText.named).toEqual(asText.plain);
    }
    expect((await both(query, [0, null])).named.rows).toHaveLength(2);
    const [first] = (await both(query, [0, null], { rowMode: 'array', parsers: { 1184: (value: string) => `text ${value}` } })).named.rows as unknown[][];
    expect(first![3]).toBe('text 2027-03-28 00:30:00+00');
    expect(first![1]).toBe(1);
  });

  it('answers a statement without parameters as PGlite does, and its errors', async () => {
    for (const options of [undefined, { rowMode: 'array' as const, parsers: { 1184: (value: string) => value } }]) {
      const { plain: a, named: b } = await both('select * from t order by n', [], options);
      expect(b).toEqual(a);
      expect(b.rows).toHaveLength(2);
    }
    await expect(named.query('select nonsense from t')).rejects.toMatchObject({ code: '42703', query: 'select nonsense from t' });
    expect((await named.query('update t set n = n where false')).affectedRows).toBe(0);
  });

  it('serialises dates, arrays and JSON parameters as PGlite does', async () => {
    const query = 'select id from t where at < $1 or on_day = $2 or tags && $3 or doc = $4';
    const params = [new Date('2027-03-28T01:00:00Z'), '2027-03-28', ['b'], { k: [1, 'x'] }];
    const { plain: a, named: b } = await both(query, params);
    expect(b).toEqual(a);
    expect(b.rows).toEqual([{ id: '00000000-0000-4000-8000-000000000001' }]);
  });

  it('keeps the statement under a name and counts the rows a write touched', async () => {
    const update = 'update t set note = $1 where n = $2';
    expect((await named.query(update, ['first', 1])).affectedRows).toBe(1);
    expect((await named.query(update, ['second', 1])).affectedRows).toBe(1);
    const kept = await named.query<{ n: number }>('select count(*)::int as n from pg_prepared_statements where statement = $1', [update]);
    expect(kept.rows[0]!.n).toBe(1);
    expect((await named.query<{ note: string }>('select note from t where n = $1', [1])).rows[0]!.note).toBe('second');
  });

  it('throws the database error PGlite throws, with the statement, and carries on after it', async () => {
    const insert = 'insert into t (id, n) values ($1, $2)';
    const failure = (e: unknown) => e as { code: string; message: string; query: string };
    const fromPlain = failure(await plain.query(insert, ['00000000-0000-4000-8000-000000000001', 9]).catch((e: unknown) => e));
    const fromNamed = failure(await named.query(insert, ['00000000-0000-4000-8000-000000000001', 9]).catch((e: unknown) => e));
    expect(fromPlain.code).toBe('23505');
    expect(fromNamed).toMatchObject({ code: fromPlain.code, message: fromPlain.message, query: insert });
    await expect(named.query('select nonsense from t where n = $1', [1])).rejects.toMatchObject({ code: '42703' });
    expect((await named.query<{ n: number }>('select n from t where n = $1', [2])).rows).toEqual([{ n: 2 }]);
  });

  it('rolls back a transaction whose named statement failed, and keeps what a committed one wrote', async () => {
    await expect(named.transaction(async (tx) => {
      await tx.query('update t set note = $1 where n = $2', ['lost', 2]);
      await tx.query('select $1::int / 0', [1]);
    })).rejects.toMatchObject({ code: '22012' });
    expect((await named.query<{ note: string }>('select note from t where n = $1', [2])).rows[0]!.note).toBe("it's");
    await named.transaction(async (tx) => {
      await tx.query('update t set note = $1 where n = $2', ['kept', 2]);
      expect((await tx.query<{ note: string }>('select note from t where n = $1', [2])).rows[0]!.note).toBe('kept');
    });
    expect((await named.query<{ note: string }>('select note from t where n = $1', [2])).rows[0]!.note).toBe('kept');
  });

  it('uses a statement first prepared in a transaction that rolled back', async () => {
    const query = 'select n + $1::int as m from t where n = 1';
    await expect(named.transaction(async (tx) => {
      await tx.query(query, [10]);
      throw new Error('changed my mind');
    })).rejects.toThrow('changed my mind');
    expect((await named.query<{ m: number }>(query, [20])).rows).toEqual([{ m: 21 }]);
  });

  it('prepares afresh a statement whose table changed shape since', async () => {
    await named.exec('create table shifting (id int, a text)');
    await named.query('insert into shifting values ($1, $2)', [1, 'one']);
    const query = 'select * from shifting where id = $1';
    expect((await named.query(query, [1])).rows).toEqual([{ id: 1, a: 'one' }]);
    await named.exec('alter table shifting add column b text');
    expect((await named.query(query, [1])).rows).toEqual([{ id: 1, a: 'one', b: null }]);
  });
});
