import fs from 'node:fs';
import { getTableColumns, getTableName, is, sql } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import type { Database } from './client.js';
import * as schema from './schema/index.js';

/**
 * Sessions, throttles and job runs are transient: they are not moved between databases (the new one
 * schedules its own); nor is the count of changes, which the new database keeps from its own start.
 */
const TRANSIENT = new Set(['sessions', 'address_throttles', 'job_runs', 'data_generation', 'data_generation_marks']);

/** Tables in an order where every foreign key points at an earlier table. */
export function tablesInDependencyOrder(): PgTable[] {
  const tables = (Object.values(schema).filter((v) => is(v, PgTable)) as PgTable[]).filter((t) => !TRANSIENT.has(getTableName(t)));
  const ordered: PgTable[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const before = ordered.length;
    for (const table of tables) {
      const name = getTableName(table);
      if (placed.has(name)) continue;
      const deps = getTableConfig(table).foreignKeys.map((fk) => getTableName(fk.reference().foreignTable)).filter((d) => d !== name);
      if (deps.every((d) => placed.has(d) || TRANSIENT.has(d))) {
        ordered.push(table);
        placed.add(name);
      }
    }
    if (ordered.length === before) throw new Error('foreign keys form a cycle; cannot order tables');
  }
  return ordered;
}

export async function exportData(db: Database, file: string): Promise<Record<string, number>> {
  const out: Record<string, unknown[]> = {};
  const counts: Record<string, number> = {};
  for (const table of tablesInDependencyOrder()) {
    const rows = await db.select().from(table);
    out[getTableName(table)] = rows;
    counts[getTableName(table)] = rows.length;
  }
  fs.writeFileSync(file, JSON.stringify({ format: 'convene-export', version: 1, tables: out }), { mode: 0o600 });
  return counts;
}

export async function importData(db: Database, file: string): Promise<Record<string, number>> {
  const body = JSON.parse(fs.readFileSync(file, 'utf8')) as { format?: string; tables?: Record<string, Record<string, unknown>[]> };
  if (body.format !== 'convene-export' || !body.tables) throw new Error(`${file} is not a Convene export`);
  const tables = body.tables;
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    for (const table of tablesInDependencyOrder()) {
      const name = getTableName(table);
      const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(table);
      if ((existing?.n ?? 0) > 0) throw new Error(`Table ${name} is not empty: import only into a new database.`);
      const columns = getTableColumns(table);
      const rows = (tables[name] ?? []).map((row) => {
        const copy: Record<string, unknown> = { ...row };
        for (const [key, column] of Object.entries(columns)) {
          if (column.dataType === 'date' && typeof copy[key] === 'string') copy[key] = new Date(copy[key] as string);
        }
        return copy;
      });
      for (let i = 0; i < rows.length; i += 500) await tx.insert(table).values(rows.slice(i, i + 500));
      counts[name] = rows.length;
    }
    await tx.execute(sql`select setval(pg_get_serial_sequence('audit_events', 'id'), coalesce((select max(id) from audit_events), 0) + 1, false)`);
  });
  return counts;
}
