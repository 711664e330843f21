import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { meetings } from '../../db/schema/index.js';
import { renderPdf } from '../../documents/render-pdf.js';
import { confidentialityText, decisionsSheetDocument, familyDecisionsSheet } from '../../documents/decisions-sheet.js';
import { bilingualBody, bilingualLine, type FamilyLanguage } from '../../documents/family-language.js';
import { familyLanguagesFor } from '../invitations/family-languages.js';
import { mayDistributeConferenceDocuments } from '../../policies/meeting.js';
import type { ActionContext } from '../shared/action-context.js';
import { ConflictError, ForbiddenError } from '../shared/errors.js';
import { requireActor } from './common.js';
import { auditForChildren } from '../audit/audit-children.js';
import { conferenceDocumentData } from './document-data.js';
import { loadMeetingState } from './meeting-state.js';
import { listRecipients } from './recipients.js';
import { sendCopies } from './send-copies.js';

export interface DistributionSummary {
  version: number;
  queued: number;
  notSent: string[];
}

/**
 * TS10: the decisions sheet (PDF) goes through the outbox to every invitee, family members
 * included, each copy logged with who, which issue, how and when. Sending again issues a new version.
 */
export async function distributeDecisions(db: Database, context: ActionContext, conferenceId: string): Promise<DistributionSummary> {
  if (!mayDistributeConferenceDocuments(context.actor)) throw new ForbiddenError();
  const actorId = requireActor(context);
  const state = await loadMeetingState(db, conferenceId);
  const meeting = state.meeting;
  if (!meeting || state.meetingStatus === 'in-progress') {
    throw new ConflictError('The decisions can be sent once the chair has ended the meeting.');
  }
  const data = await conferenceDocumentData(db, state);
  const recipients = await listRecipients(db, conferenceId, state.attendance);
  if (recipients.length === 0) throw new ConflictError('Nobody is recorded as invited to this conference, so there is no one to send the decisions to.');
  const version = meeting.decisionsSheetVersion + 1;
  const professionalPdf = await renderPdf(decisionsSheetDocument(data, { version, familyCopy: false }));
  const familyPdf = await renderPdf(decisionsSheetDocument(data, { version, familyCopy: true }));
  const subject = bilingualLine(undefined, (tr) => tr.t('email.decisionsSubject', { day: tr.day(data.conferenceDate) }));
  const bodyText = (name: string) => `Dear ${name},\n\nThe decisions of the conference are attached (issue ${version}). The full record follows once the chair approves it.\n\n${data.confidentialityNotice}`;
  // Issue 14: a family member whose record names another language gets the sheet, and the letter
  // with it, in that language and then in English; one copy per language, shared by everyone who reads it.
  const languages = await familyLanguagesFor(db, conferenceId);
  const ownCopies = new Map<string, Promise<Buffer>>();
  const ownCopy = (language: FamilyLanguage): Promise<Buffer> => {
    const key = language.kind === 'translated' ? language.code : language.kind === 'untranslated' ? `untranslated:${language.name}` : 'en';
    if (!ownCopies.has(key)) ownCopies.set(key, renderPdf(familyDecisionsSheet(data, version, language)));
    return ownCopies.get(key)!;
  };
  const copies = await Promise.all(recipients.map(async (r) => {
    const language = r.family ? languages.get(r.invitationId) : undefined;
    if (!language || language.kind === 'english') return { recipient: r, pdf: r.family ? familyPdf : professionalPdf };
    const body = bilingualBody(language, (tr) => `${tr.t('common.dear', { name: r.name })}\n\n${tr.t('email.decisionsBody', { version })}\n\n${confidentialityText(data, tr)}`, bodyText(r.name));
    return { recipient: r, pdf: await ownCopy(language), bodyText: body, subject: bilingualLine(language, (tr) => tr.t('email.decisionsSubject', { day: tr.day(data.conferenceDate) })) };
  }));

  return db.transaction(async (tx) => {
    const [bumped] = await tx
      .update(meetings)
      .set({ decisionsSheetVersion: version })
      .where(and(eq(meetings.id, meeting.id), eq(meetings.decisionsSheetVersion, meeting.decisionsSheetVersion)))
      .returning({ id: meetings.id });
    if (!bumped) throw new ConflictError('Someone else sent the decisions just now: check the distribution log before sending again.');
    const { queued, notSent } = await sendCopies(tx, context, {
      conferenceId, document: 'decisions', version, subject,
      bodyText,
      fileName: `conference-decisions-${data.conferenceDate}-v${version}.pdf`, relatedType: 'decisions', relatedId: conferenceId, distributedBy: actorId,
    }, copies);
    await auditForChildren(tx, context, state.subjects.map((c) => c.childId), {
      action: 'decisions-distributed', recordType: 'conference', recordId: conferenceId, details: { version, queued, notSent: notSent.length },
    });
    return { version, queued, notSent };
  });
}
