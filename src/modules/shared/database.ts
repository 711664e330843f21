/**
 * The open database as the web layer holds it: the composition root (web/app.ts) is handed it and
 * passes it on to modules, so pages name its type from here and src/web imports nothing of src/db.
 */
export type { Database, DatabaseHandle } from '../../db/client.js';
