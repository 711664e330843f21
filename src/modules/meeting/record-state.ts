import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { conferenceRecords } from '../../db/schema/index.js';
import { isRecordStatus, nextRecordStatus, StepRefused, type RecordEvent, type RecordStatus } from '../../domain/conference/meeting-transitions.js';
import { ConflictError } from '../shared/errors.js';
import { assertVersion } from './stale.js';

export type RecordRow = typeof conferenceRecords.$inferSelect;

export async function loadRecord(db: Queryable, conferenceId: string): Promise<RecordRow> {
  const [record] = await db.select().from(conferenceRecords).where(eq(conferenceRecords.conferenceId, conferenceId));
  if (!record) throw new ConflictError('The record is started when the chair ends the meeting.');
  return record;
}

/** The record's next status, or a 409 with the reason a person can act on. */
export function recordStep(record: RecordRow, event: RecordEvent): RecordStatus {
  if (!isRecordStatus(record.status)) throw new ConflictError(`The record has an unknown status "${record.status}".`);
  try {
    return nextRecordStatus(record.status, event);
  } catch (error) {
    if (error instanceof StepRefused) throw new ConflictError(error.message);
    throw error;
  }
}

/**
 * The record as the form that acts on it saw it, and the status the event takes it to: 409 when
 * someone saved the record since the form was loaded, or when the step is refused.
 */
export async function recordForStep(db: Queryable, conferenceId: string, version: number, event: RecordEvent): Promise<{ record: RecordRow; to: RecordStatus }> {
  const record = await loadRecord(db, conferenceId);
  await assertVersion(db, 'The record', record, version);
  return { record, to: recordStep(record, event) };
}
