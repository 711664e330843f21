import { afterAll, beforeAll } from 'vitest';
import type { Database, DatabaseHandle } from '../../src/db/client.js';
import { freshDatabase, type Engine, type TestDatabase } from './database.js';
import { createOrganisation } from './factories.js';

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

export interface SuiteWithOrganisation extends SuiteDatabase {
  /** The organisation made in the suite's database before its tests. */
  orgId(): string;
}

/**
 * The suite's database with one organisation in it, for suites whose tests each make their own staff
 * and children there. Call it first in the describe, as {@link suiteDatabase}.
 */
export function suiteWithOrganisation(engine: Engine, organisation: Parameters<typeof createOrganisation>[1] = {}): SuiteWithOrganisation {
  const suite = suiteDatabase(engine);
  let orgId: string | undefined;
  beforeAll(async () => {
    orgId = (await createOrganisation(suite.db(), organisation)).id;
  });
  return {
    ...suite,
    orgId: () => {
      if (!orgId) throw new Error('The suite organisation is used before its beforeAll ran');
      return orgId;
    },
  };
}
