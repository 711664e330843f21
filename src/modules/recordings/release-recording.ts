import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { conferenceRecordings, recordingReleaseRequests } from '../../db/schema/index.js';
import { releaseProblems } from '../../domain/conference/recordings.js';
import { mayChairConference } from '../../policies/meeting.js';
import { auditForChildren } from '../audit/audit-children.js';
import { listRecipients } from '../meeting/recipients.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.js';
import { conferenceForRecordings } from './recording-access.js';
import { updateAtVersion } from '../shared/versioned-update.js';

export interface ReleaseInput {
  decision: 'release' | 'refuse';
  recordingId: string | null;
  noRedactionReason: string | null;
  refusalReasons: string | null;
  version: number;
}

/**
 * RC5 and EX3: the chair releases a copy of the recording to the person who asked, with the same
 * redaction as their copy of the written record, or refuses with reasons.
 */
export async function releaseRecording(db: Database, ctx: ActionContext, requestId: string, input: ReleaseInput): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) throw new NotFoundError();
  const [request] = await db.select().from(recordingReleaseRequests).where(eq(recordingReleaseRequests.id, requestId));
  if (!request) throw new NotFoundError('We could not find that request.');
  const state = await conferenceForRecordings(db, ctx, request.conferenceId);
  if (!mayChairConference(ctx.actor, state.conference)) throw new ForbiddenError('Only the chair of this conference releases its recording.');
  if (request.status !== 'pending') throw new ConflictError('This request has already been answered.');
  const reader = (await listRecipients(db, request.conferenceId, state.attendance)).find((r) => r.invitationId === request.invitationId);
  if (!reader) throw new NotFoundError('That person is no longer an invitee of this conference.');
  let recording: typeof conferenceRecordings.$inferSelect | null = null;
  if (input.decision === 'release') {
    if (input.recordingId && /^[0-9a-f-]{36}$/i.test(input.recordingId)) {
      [recording = null] = await db.select().from(conferenceRecordings)
        .where(and(eq(conferenceRecordings.id, input.recordingId), eq(conferenceRecordings.conferenceId, request.conferenceId)));
    }
    const problems = releaseProblems({ reader, invitationId: request.invitationId, recording, noRedactionReason: input.noRedactionReason });
    if (problems.length > 0) throw new ValidationError(problems);
  } else if (!input.refusalReasons?.trim()) {
    throw new ValidationError([{ field: 'refusalReasons', message: 'Give the reasons for refusing' }]);
  }
  await db.transaction(async (tx) => {
    await updateAtVersion(tx, recordingReleaseRequests, { id: requestId, version: input.version }, {
      status: input.decision === 'release' ? 'released' : 'refused',
      recordingId: recording?.id ?? null,
      noRedactionReason: recording?.kind === 'original' ? (input.noRedactionReason?.trim() || null) : null,
      refusalReasons: input.decision === 'refuse' ? input.refusalReasons!.trim() : null,
      decidedBy: ctx.actor!.id, decidedAt: ctx.now,
    }, () => new ConflictError('This request changed since you opened it. Open it again.'));
    await auditForChildren(tx, ctx, state.subjects.map((c) => c.childId), {
      action: input.decision === 'release' ? 'conference-recording-released' : 'conference-recording-refused', recordType: 'recording-request', recordId: requestId,
      details: { recordingId: recording?.id ?? null, kind: recording?.kind ?? null, to: reader.name },
    });
  });
}
