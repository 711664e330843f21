import type { Settings } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/client.js';

/** The database the settings point at: PostgreSQL when DATABASE_URL is set, else PGlite in the data folder. */
export function openConfiguredDatabase(settings: Settings): Promise<DatabaseHandle> {
  return openDatabase(settings.databaseUrl ? { url: settings.databaseUrl } : { dataDir: settings.dataDir });
}
