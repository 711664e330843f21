import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { sql, type SQL } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER, type DatabaseHandle, type Queryable } from './client.js';

/**
 * `bin/convene db backup FILE` and `db restore FILE`: a logical backup through the driver, the same
 * on PGlite and PostgreSQL (no pg_dump of the right version needed, and a PGlite backup restores
 * into PostgreSQL). Every table of the `public` schema is read from the catalog, so a table added
 * by a later migration is never forgotten. Each row travels as PostgreSQL's own `row_to_json` and
 * comes back through `json_populate_recordset`, so timestamps keep their microseconds and the
 * audit trail's hash chain stays exactly as it was (sealed rows are not sealed again).
 *
 * The file is gzip'd JSON lines: a header (format, engine, the migrations applied), one line per
 * row, and a trailer with every table's row count and checksum. Restore refuses a file without
 * the trailer (cut short), refuses a database that has any row unless forced, loads everything in
 * one transaction, and commits only if every table's count and checksum equal the trailer's.
 *
 * Sessions are left out: a restored database starts with everyone signed out.
 */

export const BACKUP_FORMAT = 'convene-backup';
const BACKUP_VERSION = 1;
// The count of changes (and a transaction's mark that it wrote) is not a record: a restore moves
// it on past where it stood (below) rather than back, so no kept work list matches a number from before.
const CHANGE_COUNT = new Set(['data_generation', 'data_generation_marks']);
const LEFT_OUT = new Set(['sessions', ...CHANGE_COUNT]);
const BATCH_BYTES = 4 * 1024 * 1024;

export interface TableSummary {
  rows: number;
  /** md5 over the sorted md5s of each row's `row_to_json` text, read in UTC. */
  checksum: string;
}
export type Fingerprint = Record<string, TableSummary>;

interface Header {
  format: typeof BACKUP_FORMAT;
  version: number;
  engine: DatabaseHandle['engine'];
  /** The `created_at` of each migration applied, as drizzle records them: the schema the rows fit. */
  migrations: string[];
}
interface RowLine { t: string; r: unknown }
interface Trailer { end: true; tables: Fingerprint }

export class BackupError extends Error {}

async function rows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Every table in `public`, parents before the tables whose foreign keys point at them. */
export async function tablesInOrder(db: Queryable): Promise<string[]> {
  const tables = (await rows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`)).map((r) => r.name);
  const edges = await rows<{ child: string; parent: string }>(db, sql`
    select c.relname as child, p.relname as parent
      from pg_constraint k
      join pg_class c on c.oid = k.conrelid join pg_namespace cn on cn.oid = c.relnamespace
      join pg_class p on p.oid = k.confrelid
     where k.contype = 'f' and cn.nspname = 'public'`);
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const before = ordered.length;
    for (const t of tables) {
      if (placed.has(t)) continue;
      if ([...parents.get(t)!].every((p) => placed.has(p) || !parents.has(p))) {
        ordered.push(t);
        placed.add(t);
      }
    }
    if (ordered.length === before) throw new BackupError('foreign keys form a cycle: the tables cannot be ordered');
  }
  return ordered;
}

async function appliedMigrations(db: Queryable): Promise<string[]> {
  const [exists] = await rows<{ t: string | null }>(db, sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`);
  if (!exists?.t) return [];
  return (await rows<{ at: string }>(db, sql`select created_at::text as at from drizzle.__drizzle_migrations order by created_at`)).map((r) => r.at);
}

async function inUtc<T>(db: Queryable, work: (tx: Queryable) => Promise<T>, readOnly = false): Promise<T> {
  return db.transaction(async (tx) => {
    // One snapshot for the whole backup while Convene keeps writing (PostgreSQL); UTC so the text of every timestamp is the same everywhere.
    if (readOnly) await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    await tx.execute(sql`set local time zone 'UTC'`);
    return work(tx);
  });
}

async function fingerprintIn(tx: Queryable, tables: string[]): Promise<Fingerprint> {
  const out: Fingerprint = {};
  for (const table of tables) {
    const [r] = await rows<{ n: number; sum: string }>(tx, sql`
      select count(*)::int as n, md5(coalesce(string_agg(h, '' order by h), '')) as sum
        from (select md5(row_to_json(t)::text) as h from ${sql.identifier(table)} t) hashed`);
    out[table] = { rows: Number(r?.n ?? 0), checksum: r?.sum ?? '' };
  }
  return out;
}

/** Every table's row count and checksum (sessions left out, as in a backup). */
export async function databaseFingerprint(db: Queryable): Promise<Fingerprint> {
  return inUtc(db, async (tx) => fingerprintIn(tx, (await tablesInOrder(tx)).filter((t) => !LEFT_OUT.has(t))), true);
}

export interface BackupResult { file: string; tables: number; rows: number }

/** Writes the whole database to `file` (gzip'd JSON lines, mode 0600), atomically: a half-written backup never has the name. */
export async function backupDatabase(handle: DatabaseHandle, file: string): Promise<BackupResult> {
  const temporary = `${file}.partial`;
  let total = 0;
  let tableCount = 0;
  await inUtc(handle.db, async (tx) => {
    const tables = (await tablesInOrder(tx)).filter((t) => !LEFT_OUT.has(t));
    tableCount = tables.length;
    const header: Header = { format: BACKUP_FORMAT, version: BACKUP_VERSION, engine: handle.engine, migrations: await appliedMigrations(tx) };
    async function* lines() {
      yield `${JSON.stringify(header)}\n`;
      for (const table of tables) {
        const found = await rows<{ j: string }>(tx, sql`select row_to_json(t)::text as j from ${sql.identifier(table)} t`);
        for (const { j } of found) {
          total += 1;
          yield `{"t":${JSON.stringify(table)},"r":${j}}\n`;
        }
      }
      const trailer: Trailer = { end: true, tables: await fingerprintIn(tx, tables) };
      yield `${JSON.stringify(trailer)}\n`;
    }
    await pipeline(Readable.from(lines()), zlib.createGzip(), fs.createWriteStream(temporary, { mode: 0o600 }));
  }, true);
  fs.renameSync(temporary, file);
  return { file, tables: tableCount, rows: total };
}

async function* readLines(file: string): AsyncGenerator<string> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const reader = readline.createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of reader) if (line) yield line;
  } catch (error) {
    throw new BackupError(`${file} is not a readable Convene backup (${(error as Error).message})`);
  }
}

/** Rows in the database, table by table, for the tables that have any. */
async function occupiedTables(db: Queryable): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of (await tablesInOrder(db)).filter((t) => !CHANGE_COUNT.has(t))) {
    const [r] = await rows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(table)}`);
    if (Number(r?.n ?? 0) > 0) out[table] = Number(r!.n);
  }
  return out;
}

/** The count of changes as it stands, or 0 before the migration that made it. */
async function dataGenerationOf(db: Queryable): Promise<number> {
  const [table] = await rows<{ name: string | null }>(db, sql`select to_regclass('public.data_generation')::text as name`);
  if (!table?.name) return 0;
  const [row] = await rows<{ changes: string | number }>(db, sql`select changes from data_generation where id = 1`);
  return Number(row?.changes ?? 0);
}

export interface RestoreResult { tables: number; rows: number; fingerprint: Fingerprint; replaced: boolean }

/**
 * Loads a backup into this database. A database with any row is refused unless `force`, which
 * first drops every table (and drizzle's record of migrations) and migrates afresh. The backup
 * must have been made by this build's migrations: restore it with the build that made it, then upgrade.
 */
export async function restoreDatabase(handle: DatabaseHandle, file: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist`);
  // Read the whole file once before touching anything: a damaged or cut-short backup changes nothing.
  let header: Header | null = null;
  let trailer: Trailer | null = null;
  for await (const line of readLines(file)) {
    const parsed = JSON.parse(line) as Header | RowLine | Trailer;
    if (!header) {
      if ((parsed as Header).format !== BACKUP_FORMAT) throw new BackupError(`${file} is not a Convene backup`);
      header = parsed as Header;
    } else if ((parsed as Trailer).end === true) trailer = parsed as Trailer;
    else if (trailer) throw new BackupError(`${file} has rows after its end: it is damaged`);
  }
  if (!header || !trailer) throw new BackupError(`${file} is cut short (it has no end): it cannot be restored`);
  if (header.version !== BACKUP_VERSION) throw new BackupError(`${file} is a version ${header.version} backup; this Convene reads version ${BACKUP_VERSION}`);

  const known = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => String(m.folderMillis));
  if (header.migrations.join() !== known.join()) {
    throw new BackupError(`${file} was made with ${header.migrations.length} migrations applied and this Convene has ${known.length}: restore it with the Convene version that made it, then upgrade`);
  }

  const occupied = await occupiedTables(handle.db);
  const replaced = Object.keys(occupied).length > 0;
  if (replaced && !options.force) {
    const list = Object.entries(occupied).slice(0, 5).map(([t, n]) => `${t} (${n})`).join(', ');
    throw new BackupError(`This database is not empty (${list}${Object.keys(occupied).length > 5 ? ', …' : ''}). Restore into a new database, or pass --force to delete everything in it and replace it with the backup.`);
  }
  const changesBefore = await dataGenerationOf(handle.db);
  if (replaced) {
    await handle.db.execute(sql`drop schema if exists drizzle cascade`);
    await handle.db.execute(sql`drop schema public cascade`);
    await handle.db.execute(sql`create schema public`);
  }
  await handle.migrate();

  let total = 0;
  const fingerprint = await inUtc(handle.db, async (tx) => {
    const tables = new Set(await tablesInOrder(tx));
    let batchTable = '';
    let batch: string[] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const json = `[${batch.join(',')}]`;
      await tx.execute(sql`insert into ${sql.identifier(batchTable)} select * from json_populate_recordset(null::${sql.identifier(batchTable)}, ${json}::json)`);
      total += batch.length;
      batch = [];
      batchBytes = 0;
    };
    let first = true;
    for await (const line of readLines(file)) {
      if (first) {
        first = false;
        continue;
      }
      if (line.startsWith('{"end":')) break;
      // The row's JSON is passed on as it is: only the table name is read from the line.
      const table = /^\{"t":("(?:[^"\\]|\\.)*"),"r":/.exec(line)?.[1];
      if (!table) throw new BackupError(`${file} has a line that is not a row`);
      const name = JSON.parse(table) as string;
      if (!tables.has(name)) throw new BackupError(`${file} has rows for a table this database does not have: ${name}`);
      if (name !== batchTable || batchBytes > BATCH_BYTES) {
        await flush();
        batchTable = name;
      }
      const row = line.slice(line.indexOf(',"r":') + 5, -1);
      batch.push(row);
      batchBytes += row.length;
    }
    await flush();
    // Serial columns go on from the highest value restored.
    const serials = await rows<{ tbl: string; col: string }>(tx, sql`
      select table_name as tbl, column_name as col from information_schema.columns
       where table_schema = 'public' and column_default like 'nextval(%'`);
    for (const s of serials) {
      await tx.execute(sql`select setval(pg_get_serial_sequence(${s.tbl}, ${s.col}), coalesce((select max(${sql.identifier(s.col)}) from ${sql.identifier(s.tbl)}), 0) + 1, false)`);
    }
    await tx.execute(sql`update data_generation set changes = greatest(changes, ${changesBefore}) + 1 where id = 1`);
    const after = await fingerprintIn(tx, Object.keys(trailer.tables));
    const differs = Object.keys(trailer.tables).filter((t) => after[t]?.rows !== trailer.tables[t]!.rows || after[t]?.checksum !== trailer.tables[t]!.checksum);
    if (differs.length > 0) throw new BackupError(`after loading, ${differs.join(', ')} did not match the backup's counts and checksums: the restore was rolled back`);
    return after;
  });
  return { tables: Object.keys(fingerprint).length, rows: total, fingerprint, replaced };
}
