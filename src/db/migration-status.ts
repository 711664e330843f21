import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER, type DatabaseHandle } from './client.js';
import fs from 'node:fs';
import path from 'node:path';

export interface MigrationStatus {
  known: { tag: string; hash: string }[];
  applied: string[];
}

export async function migrationStatus(database: DatabaseHandle): Promise<MigrationStatus> {
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const known = files.map((f, i) => ({ tag: journal.entries[i]?.tag ?? `#${i}`, hash: f.hash }));
  const exists = (await database.db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') as t`)) as unknown as { rows: unknown[] };
  const present = (exists.rows[0] as { t: unknown } | undefined)?.t;
  if (!present) return { known, applied: [] };
  const applied = (await database.db.execute(sql`select hash from drizzle.__drizzle_migrations`)) as unknown as { rows: unknown[] };
  return { known, applied: (applied.rows as { hash: string }[]).map((r) => r.hash) };
}
