import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { conferenceRecordings, recordingReleaseRequests, users } from '../../db/schema/index.js';
import { releaseNeedsRedaction } from '../../domain/conference/recordings.js';
import { auditChildReads } from '../audit/child-access.js';
import { listRecipients } from '../meeting/recipients.js';
import type { ActionContext } from '../shared/action-context.js';
import { conferenceForRecordings } from './recording-access.js';

/** RC5: a conference's recordings and the requests for them, each requester with the redaction their record has. The read is audited. */
export async function loadRecordings(db: Database, ctx: ActionContext, conferenceId: string) {
  const state = await conferenceForRecordings(db, ctx, conferenceId);
  await auditChildReads(db, ctx, state.subjects.map((c) => c.childId), { recordType: 'conference-recordings', recordId: conferenceId });
  const recordings = await db
    .select({ id: conferenceRecordings.id, kind: conferenceRecordings.kind, redactedForInvitationId: conferenceRecordings.redactedForInvitationId, description: conferenceRecordings.description,
      fileName: conferenceRecordings.fileName, fileType: conferenceRecordings.fileType, bytes: conferenceRecordings.bytes, uploadedAt: conferenceRecordings.uploadedAt, uploadedBy: users.displayName })
    .from(conferenceRecordings).innerJoin(users, eq(users.id, conferenceRecordings.uploadedBy))
    .where(eq(conferenceRecordings.conferenceId, conferenceId)).orderBy(asc(conferenceRecordings.uploadedAt));
  const requests = await db.select().from(recordingReleaseRequests).where(eq(recordingReleaseRequests.conferenceId, conferenceId)).orderBy(asc(recordingReleaseRequests.recordedAt));
  const recipients = await listRecipients(db, conferenceId, state.attendance);
  const readers = recipients.map((r) => ({ ...r, needsRedaction: releaseNeedsRedaction(r) }));
  return { state, recordings, requests, readers };
}
