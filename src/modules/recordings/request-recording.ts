import type { Database } from '../../db/client.js';
import { recordingReleaseRequests } from '../../db/schema/index.js';
import { mayDistributeConferenceDocuments } from '../../policies/meeting.js';
import { auditForChildren } from '../audit/audit-children.js';
import { listRecipients } from '../meeting/recipients.js';
import type { ActionContext } from '../shared/action-context.js';
import { ForbiddenError, ValidationError, type FieldError } from '../shared/errors.js';
import { conferenceForRecordings } from './recording-access.js';
import { londonIsoDate } from '../../domain/calendar/london-time.js';

/** RC5: a family member or professional asks for the recording; the request is kept and waits on the chair's list. */
export async function requestRecording(db: Database, ctx: ActionContext, conferenceId: string, input: { invitationId: string; howAsked: string; requestedOn: string }): Promise<string> {
  if (!mayDistributeConferenceDocuments(ctx.actor)) throw new ForbiddenError();
  const state = await conferenceForRecordings(db, ctx, conferenceId);
  const recipients = await listRecipients(db, conferenceId, state.attendance);
  const errors: FieldError[] = [];
  if (!recipients.some((r) => r.invitationId === input.invitationId)) errors.push({ field: 'invitationId', message: 'Select who asked, from those invited' });
  if (!input.howAsked.trim()) errors.push({ field: 'howAsked', message: 'Say how they asked (for example, by phone to the chair)' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.requestedOn) || input.requestedOn > londonIsoDate(ctx.now)) errors.push({ field: 'requestedOn', message: 'Enter the day they asked, not in the future, as YYYY-MM-DD' });
  if (errors.length > 0) throw new ValidationError(errors);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(recordingReleaseRequests).values({
      conferenceId, invitationId: input.invitationId, howAsked: input.howAsked.trim(), requestedOn: input.requestedOn, recordedBy: ctx.actor!.id, recordedAt: ctx.now,
    }).returning({ id: recordingReleaseRequests.id });
    if (!row) throw new Error('recording request insert returned nothing');
    await auditForChildren(tx, ctx, state.subjects.map((c) => c.childId), { action: 'conference-recording-requested', recordType: 'recording-request', recordId: row.id });
    return row.id;
  });
}
