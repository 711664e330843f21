import type { Settings } from '../config.js';
import type { DatabaseHandle } from '../db/client.js';
import { openConfiguredDatabase } from '../runtime.js';

/**
 * Opens the database the settings name (PostgreSQL or the PGlite data folder), migrates it unless
 * told not to, runs the command's work and closes it whatever happens: a PGlite folder left open
 * keeps its lock, and the next command would be refused.
 */
export async function withConfiguredDatabase(
  settings: Settings,
  work: (database: DatabaseHandle) => Promise<void>,
  options: { migrate?: boolean } = {},
): Promise<void> {
  const database = await openConfiguredDatabase(settings);
  try {
    if (options.migrate ?? true) await database.migrate();
    await work(database);
  } finally {
    await database.close();
  }
}
