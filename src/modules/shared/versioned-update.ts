import { and, eq, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client.js';

/** A table whose rows carry an id and a version that every edit moves on by one. */
export type VersionedTable = PgTable & { id: PgColumn; version: PgColumn };

/** Which row, at the version the person (or the action) read it. */
export interface SeenVersion {
  id: string;
  version: number;
}

/** What a versioned write hands back: enough to audit and to show the next form, never a whole (perhaps large) row. */
export interface VersionedRow {
  id: string;
  version: number;
}

/** For a row found by another key (one per conference, say) rather than by its id. */
export interface SeenVersionWhere {
  where: SQL;
  version: number;
}

/** The next version, computed by the database so a concurrent bump is never lost. */
export function nextVersion(table: VersionedTable): SQL {
  return sql`${table.version} + 1`;
}

/**
 * The optimistic-concurrency write: applies `changes` and moves the version on, but only if the row
 * is still at the version seen (and `also`, when a state must also be unchanged). Two people saving
 * at once cannot both win; the loser gets the caller's own error (`lost`), so each page keeps its
 * message, and nothing is written. Returns the row's id and new version.
 */
export async function updateAtVersion<T extends VersionedTable>(
  tx: Queryable,
  table: T,
  seen: SeenVersion | SeenVersionWhere,
  changes: PgUpdateSetSource<T>,
  lost: () => Error | Promise<Error>,
  also?: SQL,
): Promise<VersionedRow> {
  // Drizzle's builder loses the concrete table type through the generic; the public signature keeps it.
  const rows = (await tx
    .update(table as PgTable)
    .set({ ...changes, version: nextVersion(table) } as PgUpdateSetSource<PgTable>)
    .where(and('where' in seen ? seen.where : eq(table.id, seen.id), eq(table.version, seen.version), also))
    .returning({ id: table.id, version: table.version })) as VersionedRow[];
  const [row] = rows;
  // The caller may look again at the row to say what happened to it.
  if (!row) throw await lost();
  return row;
}

/**
 * An edit that the action has already made safe another way (a system step, a row claimed earlier
 * in the transaction, or several rows at once): moves the version on without checking it, so forms
 * opened before it still see the row as changed. Returns the ids and new versions of the rows updated.
 */
export async function bumpVersion<T extends VersionedTable>(
  tx: Queryable,
  table: T,
  where: SQL | undefined,
  changes: PgUpdateSetSource<T>,
): Promise<VersionedRow[]> {
  return (await tx
    .update(table as PgTable)
    .set({ ...changes, version: nextVersion(table) } as PgUpdateSetSource<PgTable>)
    .where(where)
    .returning({ id: table.id, version: table.version })) as VersionedRow[];
}

/**
 * The save behind a form that both adds and changes a row: changes `existing` at the version seen,
 * or inserts a new row when there is none. Returns the row's id either way.
 */
export async function saveVersioned<T extends VersionedTable, E extends SeenVersion>(
  tx: Queryable,
  table: T,
  existing: E | null,
  changes: PgUpdateSetSource<T>,
  insert: T['$inferInsert'],
  lost: (existing: E) => Error,
): Promise<string> {
  if (existing) return (await updateAtVersion(tx, table, existing, changes, () => lost(existing))).id;
  const [row] = (await tx.insert(table as PgTable).values(insert as PgTable['$inferInsert']).returning({ id: table.id })) as { id: string }[];
  if (!row) throw new Error(`insert into ${getTableName(table)} returned nothing`);
  return row.id;
}
