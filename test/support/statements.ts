import type { Database } from '../../src/db/client.js';

/**
 * The SQL statements a call sends through the database's driver (PGlite and the node-postgres pool
 * both send through `query`): what a test of "this page reads in N statements" counts.
 */
export async function statementsOf<T>(db: Database, run: () => Promise<T>): Promise<{ result: T; statements: string[]; count: number }> {
  const driver = (db as unknown as { session: { client: { query: (...args: unknown[]) => unknown } } }).session.client;
  const original = driver.query;
  const statements: string[] = [];
  driver.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    statements.push(typeof first === 'string' ? first : (first.text ?? '?'));
    return original.apply(driver, args);
  };
  try {
    const result = await run();
    return { result, statements, count: statements.length };
  } finally {
    driver.query = original;
  }
}
