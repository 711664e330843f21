import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_FOLDER } from '../../src/db/client.js';

/**
 * A fingerprint of the migrations: a snapshot or template made from other migrations is never reused.
 * Every test file opens one or more fresh databases; initdb and 31 migrations cost about 3 s on
 * PGlite and 0.5 s on PostgreSQL each time, so each engine keeps one migrated copy to start from.
 */
function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(entry.name).update(readFileSync(full));
    }
  };
  walk(MIGRATIONS_FOLDER);
  return hash.digest('hex').slice(0, 12);
}

let fingerprint: string | null = null;
export const migrationsId = (): string => (fingerprint ??= migrationsFingerprint());

let pgliteSnapshot: Promise<Blob> | null = null;

/** A migrated PGlite data folder, dumped once to the temp folder and shared by every test process. */
export function migratedPgliteSnapshot(): Promise<Blob> {
  pgliteSnapshot ??= (async () => {
    const file = path.join(os.tmpdir(), `convene-test-pglite-${migrationsId()}.tar`);
    if (!existsSync(file)) {
      const client = new PGlite();
      await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
      const blob = await client.dumpDataDir('none');
      await client.close();
      // Written aside and renamed: a process reading it never sees half a file.
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(partial, Buffer.from(await blob.arrayBuffer()));
      renameSync(partial, file);
    }
    return new Blob([readFileSync(file)]);
  })();
  return pgliteSnapshot;
}

