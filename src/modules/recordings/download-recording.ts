import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { conferenceRecordings, recordingReleaseRequests } from '../../db/schema/index.js';
import { auditForChildren } from '../audit/audit-children.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, NotFoundError } from '../shared/errors.js';
import { conferenceForRecordings } from './recording-access.js';

export interface RecordingFile { fileName: string; fileType: string; content: Buffer }

async function fileOf(db: Database, ctx: ActionContext, recordingId: string, audit: { action: string; details?: Record<string, unknown> }): Promise<RecordingFile> {
  const [row] = await db.select().from(conferenceRecordings).where(eq(conferenceRecordings.id, recordingId));
  if (!row) throw new NotFoundError('We could not find that recording.');
  const state = await conferenceForRecordings(db, ctx, row.conferenceId);
  await db.transaction(async (tx) => {
    await auditForChildren(tx, ctx, state.subjects.map((c) => c.childId), { action: audit.action, recordType: 'conference-recording', recordId: row.id, details: { kind: row.kind, ...audit.details } });
  });
  return { fileName: row.fileName, fileType: row.fileType, content: Buffer.from(row.fileBase64, 'base64') };
}

/** RC5: a recording, read by someone who may read the staff record; every download audited. */
export async function downloadRecording(db: Database, ctx: ActionContext, recordingId: string): Promise<RecordingFile> {
  if (!/^[0-9a-f-]{36}$/i.test(recordingId)) throw new NotFoundError();
  return fileOf(db, ctx, recordingId, { action: 'conference-recording-downloaded' });
}

/** RC5: the copy the chair released to one requester, to hand over; audited as downloaded for them. */
export async function downloadReleasedCopy(db: Database, ctx: ActionContext, requestId: string): Promise<RecordingFile> {
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) throw new NotFoundError();
  const [request] = await db.select().from(recordingReleaseRequests).where(eq(recordingReleaseRequests.id, requestId));
  if (!request) throw new NotFoundError('We could not find that request.');
  if (request.status !== 'released' || !request.recordingId) throw new ConflictError('The chair has not released a copy for this request.');
  return fileOf(db, ctx, request.recordingId, { action: 'conference-recording-downloaded', details: { releaseRequestId: request.id, invitationId: request.invitationId } });
}
