import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { ConflictError } from '../shared/errors.js';

const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/**
 * Someone else saved the record after this form was loaded (the chair and the minute taker work at
 * once). The page re-shows what this person typed, with the current version, so nothing is lost.
 */
export class StaleRecordError extends ConflictError {
  constructor(
    readonly what: string,
    readonly changedBy: string,
    readonly changedAt: Date | null,
    /** The version now stored; null when it was saved in the same instant and is not known yet. */
    readonly currentVersion: number | null,
  ) {
    super(
      `${what} was changed by ${changedBy}${changedAt ? ` at ${time.format(changedAt)} on ${day.format(changedAt)}` : ' just now'} after you opened it: ` +
        'review their changes and your own, then save again.',
    );
    this.name = 'StaleRecordError';
  }
}

interface Versioned {
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
}

/** Throws StaleRecordError when the row has moved on from the version the form was loaded with. */
export async function assertVersion(db: Queryable, what: string, row: Versioned, expected: number): Promise<void> {
  if (row.version === expected) return;
  let name = 'someone else';
  if (row.updatedBy) {
    const [user] = await db.select({ displayName: users.displayName }).from(users).where(eq(users.id, row.updatedBy));
    if (user) name = user.displayName;
  }
  throw new StaleRecordError(what, name, row.updatedAt, row.version);
}

/**
 * The update matched no row at the version read: someone saved between the check and the write.
 * Still a stale save, so the page keeps what was typed; saving again names who changed it.
 */
export function lostRace(what: string): StaleRecordError {
  return new StaleRecordError(what, 'someone else', null, null);
}

/** One row of a table form that someone else saved after the table was loaded. */
export interface StaleRow {
  id: string;
  message: string;
  /** The version now stored, so the table shown again saves over it once the person has looked. */
  currentVersion: number | null;
}

/**
 * A table form (every invitee's attendance, every contributor's view) saves its rows together or not
 * at all; this names each row someone else changed meanwhile, so the table can show the message
 * beside that row and keep everything typed. `errors` are the other rows' field errors, if any.
 */
export class StaleRowsError extends ConflictError {
  constructor(
    readonly rows: readonly StaleRow[],
    readonly errors: readonly { field: string; message: string }[] = [],
  ) {
    super(rows.map((r) => r.message).join(' '));
    this.name = 'StaleRowsError';
  }
}

/** The row's stale-save message, or null when it is still at the version the form was loaded with. */
export async function staleRow(db: Queryable, what: string, row: Versioned & { id: string }, expected: number): Promise<StaleRow | null> {
  try {
    await assertVersion(db, what, row, expected);
    return null;
  } catch (error) {
    if (error instanceof StaleRecordError) return { id: row.id, message: error.message, currentVersion: error.currentVersion };
    throw error;
  }
}
