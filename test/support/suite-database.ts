import { afterAll, beforeAll } from 'vitest';
import type { Database, DatabaseHandle } from '../../src/db/client.js';
import { freshDatabase, type Engine, type TestDatabase } from './database.js';

export interface SuiteDatabase {
  /** The suite's database; only valid inside hooks and tests, once the suite's beforeAll has run. */
  db(): Database;
  handle(): DatabaseHandle;
}

/**
 * A fresh database on the engine for the enclosing describe: made before its tests and dropped
 * after them. Call it first in the describe, so hooks registered later can already use the database.
 */
export function suiteDatabase(engine: Engine): SuiteDatabase {
  let database: TestDatabase | undefined;
  const opened = (): TestDatabase => {
    if (!database) throw new Error('The suite database is used before its beforeAll ran');
    return database;
  };
  beforeAll(async () => {
    database = await freshDatabase(engine);
  });
  afterAll(async () => {
    await database?.drop();
  });
  return { db: () => opened().handle.db, handle: () => opened().handle };
}
