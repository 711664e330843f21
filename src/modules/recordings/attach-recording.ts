import type { Database } from '../../db/client.js';
import { conferenceRecordings } from '../../db/schema/index.js';
import { recordingUploadProblems, type RecordingKind } from '../../domain/conference/recordings.js';
import { mayChairConference } from '../../policies/meeting.js';
import { auditForChildren } from '../audit/audit-children.js';
import type { ActionContext } from '../shared/action-context.js';
import { detectFileType } from '../shared/detect-file-type.js';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.js';
import { conferenceForRecordings } from './recording-access.js';

export interface RecordingInput {
  kind: RecordingKind;
  redactedForInvitationId: string | null;
  description: string;
  file: { fileName: string; fileType: string; content: Buffer; truncated: boolean } | null;
}

/** RC5: the chair keeps the conference's recording (or a copy redacted for one reader) with the record. */
export async function attachRecording(db: Database, ctx: ActionContext, conferenceId: string, input: RecordingInput): Promise<string> {
  const state = await conferenceForRecordings(db, ctx, conferenceId);
  if (!mayChairConference(ctx.actor, state.conference)) throw new ForbiddenError('Only the chair of this conference keeps its recording.');
  if (!state.meeting) throw new ConflictError('The conference has not met yet, so there is nothing recorded to keep.');
  const detectedType = input.file ? await detectFileType(input.file.content) : null;
  const problems = recordingUploadProblems({ ...input, file: input.file ? { ...input.file, detectedType } : null });
  if (input.kind === 'redacted' && input.redactedForInvitationId && !state.attendance.some((a) => a.invitationId === input.redactedForInvitationId)) {
    problems.push({ field: 'redactedForInvitationId', message: 'Select someone invited to this conference' });
  }
  if (problems.length > 0) throw new ValidationError(problems);
  const file = input.file!;
  const fileName = file.fileName.replace(/[^\w .()-]/g, '_').slice(0, 120) || 'recording';
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(conferenceRecordings).values({
      conferenceId, kind: input.kind, redactedForInvitationId: input.kind === 'redacted' ? input.redactedForInvitationId : null,
      description: input.description.trim(), fileName, fileType: file.fileType, fileBase64: file.content.toString('base64'), bytes: file.content.length,
      uploadedBy: ctx.actor!.id, uploadedAt: ctx.now,
    }).returning({ id: conferenceRecordings.id });
    if (!row) throw new Error('recording insert returned nothing');
    await auditForChildren(tx, ctx, state.subjects.map((c) => c.childId), {
      action: 'conference-recording-attached', recordType: 'conference-recording', recordId: row.id, details: { kind: input.kind, bytes: file.content.length },
    });
    return row.id;
  });
}
