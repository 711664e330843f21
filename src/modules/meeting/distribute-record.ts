import type { Database } from '../../db/client.js';
import { conferenceRecords } from '../../db/schema/index.js';
import { isFamilyKind } from '../../domain/conference/agencies.js';
import { redactedPartsFor } from '../../domain/conference/record-sections.js';
import { recordScopeProblems } from '../../domain/participation/exclusion.js';
import { bilingualBody, bilingualLine, type FamilyLanguage } from '../../documents/family-language.js';
import { familyLanguagesFor } from '../invitations/family-languages.js';
import { renderPdf } from '../../documents/render-pdf.js';
import { familyRecordDocument } from '../../documents/conference-record.js';
import { confidentialityText } from '../../documents/decisions-sheet.js';
import { mayDistributeConferenceDocuments } from '../../policies/meeting.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { recordMeetingEvent, requireActor } from './common.js';
import { auditForChildren } from '../audit/audit-children.js';
import { recordData } from './document-data.js';
import { loadMeetingState } from './meeting-state.js';
import { listRecipients } from './recipients.js';
import { sendCopies } from './send-copies.js';
import { recordForStep } from './record-state.js';
import { lostRace } from './stale.js';
import type { DistributionSummary } from './distribute-decisions.js';
import { updateAtVersion } from '../shared/versioned-update.js';

/**
 * RC3, TS11: the approved record goes to everyone invited, attended or not, family members
 * included, each copy without the parts its reader was excluded from (EX3) and, for the family,
 * without confidential sections (RP4). Every copy is logged: who, which version, how, when.
 */
export async function distributeRecord(db: Database, context: ActionContext, conferenceId: string, input: { version: number }): Promise<DistributionSummary> {
  if (!mayDistributeConferenceDocuments(context.actor)) throw new ForbiddenError();
  const actorId = requireActor(context);
  const state = await loadMeetingState(db, conferenceId);
  const { record, to } = await recordForStep(db, conferenceId, input.version, 'distribute');
  const approved = record.approvedVersion;
  if (approved === null) throw new ConflictError('The chair must approve the record before it can be distributed.');
  // EX3: a family member's copy may leave out the parts they missed only on the chair's recorded ground.
  const undecided = state.attendance.filter((a) => isFamilyKind(a.kind) && recordScopeProblems({ excludedParts: a.excludedParts, recordScope: a.recordScope === 'whole' ? 'whole' : 'attended-part', ground: a.recordWithheldGround }).length > 0);
  if (undecided.length > 0) {
    throw new ConflictError(`The chair must decide what record ${undecided.map((a) => a.name).join(' and ')} get${undecided.length === 1 ? 's' : ''}: the whole record, or only the parts attended on a recorded ground (safety, third-party information, a criminal investigation or legal reasons). Change their attendance to record it.`);
  }
  const data = await recordData(db, state, record, approved);
  const recipients = await listRecipients(db, conferenceId, state.attendance);
  if (recipients.length === 0) throw new ConflictError('Nobody is recorded as invited to this conference, so there is no one to send the record to.');
  // Issue 14: a family member whose record names another language reads the subject in it first.
  const languages = await familyLanguagesFor(db, conferenceId);
  const subjectFor = (invitationId: string | null, family: boolean) =>
    bilingualLine(family && invitationId ? languages.get(invitationId) : undefined, (tr) => tr.t('email.recordSubject', { day: tr.day(data.conferenceDate) }));
  const bodyText = (name: string) => `Dear ${name},\n\nThe record of the conference is attached (version ${approved}).\n\n${data.confidentialityNotice}`;
  // The covering note in their language too, then the English; the record itself is the professionals' own words, in English.
  const bodyFor = (name: string, language: FamilyLanguage | undefined): string | undefined => {
    if (language?.kind !== 'translated') return undefined;
    return bilingualBody(language, (tr) => `${tr.t('common.dear', { name })}\n\n${tr.t('email.recordBody', { version: approved })}\n\n${confidentialityText(data, tr)}`, bodyText(name));
  };
  const copies = await Promise.all(recipients.map(async (r) => {
    // A family member's note and copy open in their language where their record names one (issue 14).
    const language = r.family && r.invitationId ? languages.get(r.invitationId) : undefined;
    const body = bodyFor(r.name, language);
    return { recipient: r, pdf: await renderPdf(familyRecordDocument(data, r, language ?? { kind: 'english' })), redactedParts: redactedPartsFor(r), subject: subjectFor(r.invitationId, r.family), ...(body ? { bodyText: body } : {}) };
  }));

  return db.transaction(async (tx) => {
    await updateAtVersion(tx, conferenceRecords, record, { status: to, updatedAt: context.now, updatedBy: actorId }, () => lostRace('The record'));
    const { queued, notSent } = await sendCopies(tx, context, {
      conferenceId, document: 'record', version: approved,
      subject: subjectFor(null, false),
      bodyText,
      fileName: `conference-record-${data.conferenceDate}-v${approved}.pdf`, relatedType: 'record', relatedId: record.id, distributedBy: actorId,
    }, copies);
    await recordMeetingEvent(tx, context, { conferenceId, subject: 'record', from: record.status, to, event: 'distribute', details: { number: approved, queued } });
    await auditForChildren(tx, context, state.subjects.map((c) => c.childId), {
      action: 'record-distributed', recordType: 'conference-record', recordId: record.id, details: { number: approved, queued, notSent: notSent.length },
    });
    return { version: approved, queued, notSent };
  });
}
