import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client.js';
import { rowsOf } from './rows-of.js';

/** One list to read: every row of `table` matching `where`, in `orderBy`'s order. */
export interface ListToRead<T extends PgTable = PgTable> {
  table: T;
  where: SQL;
  orderBy?: SQL;
}

type Rows<S extends Record<string, ListToRead>> = { [K in keyof S]: S[K]['table']['$inferSelect'][] };

/**
 * Several whole-row lists in one statement, each as it would come from its own
 * `db.select().from(table).where(where).orderBy(orderBy)`: a plan's page needs ten short lists (its
 * actions, visits, core groups, …), and each statement costs a round trip, a plan and a parse
 * whatever its size (issue 16). Each list is aggregated to JSON in the database and turned back
 * into the table's row type by the columns' own mapping, so dates, timestamps and JSON come back
 * exactly as a plain select returns them (`lists-in-one-read.test.ts` holds the two side by side).
 */
export async function listsInOneRead<S extends Record<string, ListToRead>>(db: Queryable, lists: S): Promise<Rows<S>> {
  const keys = Object.keys(lists);
  const columns = keys.map((key) => {
    const { table, where, orderBy } = lists[key]!;
    // The table's name stands for the whole row (`json_agg(plan_visits)`), so `where` and `orderBy`
    // can name its columns as drizzle writes them.
    return sql`(select coalesce(json_agg(${table}${orderBy ? sql` order by ${orderBy}` : sql``}), '[]'::json) from ${table} where ${where}) as ${sql.identifier(key)}`;
  });
  const [row] = rowsOf<Record<string, unknown>>(await db.execute(sql`select ${sql.join(columns, sql`, `)}`));
  const out: Record<string, unknown[]> = {};
  for (const key of keys) {
    const raw = row?.[key];
    const items = (typeof raw === 'string' ? JSON.parse(raw) : (raw ?? [])) as Record<string, unknown>[];
    out[key] = items.map((item) => fromJson(lists[key]!.table, item));
  }
  return out as Rows<S>;
}

/** A row as `row_to_json` writes it (column names, JSON values) in the table's TypeScript shape. */
function fromJson(table: PgTable, item: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [property, column] of Object.entries(getTableColumns(table))) {
    const value = item[column.name];
    row[property] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row;
}
