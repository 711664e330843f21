import type { Queryable } from '../../db/client.js';
import type { CopyReader } from '../../domain/conference/record-sections.js';
import type { DocumentModel } from '../../documents/document-model.js';
import { renderDocx } from '../../documents/render-docx.js';
import { renderPdf } from '../../documents/render-pdf.js';
import { conferenceRecordDocument, familyRecordDocument } from '../../documents/conference-record.js';
import { familyLanguagesFor } from '../invitations/family-languages.js';
import { NotFoundError } from '../shared/errors.js';
import { recordData } from './document-data.js';
import type { MeetingState } from './meeting-state.js';
import { listRecipients } from './recipients.js';
import type { RecordRow } from './record-state.js';

export const FULL_COPY: CopyReader = { family: false, excludedParts: [], wholeRecord: false };

/** One reader's copy of the record at a version: the full copy, or an invitee's redacted one (EX3, RP4). */
export async function recordCopy(
  db: Queryable,
  state: MeetingState,
  record: RecordRow,
  versionNumber: number,
  invitationId: string | null,
): Promise<{ doc: DocumentModel; reader: CopyReader; readerName: string }> {
  const data = await recordData(db, state, record, versionNumber);
  if (!invitationId) return { doc: conferenceRecordDocument(data, FULL_COPY), reader: FULL_COPY, readerName: 'professionals' };
  const recipient = (await listRecipients(db, state.conference.id, state.attendance)).find((r) => r.invitationId === invitationId);
  if (!recipient) throw new NotFoundError('That person is not an invitee of this conference.');
  // The copy as the family member gets it: in their language first where their record names one (issue 14).
  const language = recipient.family ? (await familyLanguagesFor(db, state.conference.id)).get(invitationId) : undefined;
  return { doc: familyRecordDocument(data, recipient, language ?? { kind: 'english' }), reader: recipient, readerName: recipient.name };
}

export async function renderCopy(doc: DocumentModel, format: 'pdf' | 'docx'): Promise<Buffer> {
  return format === 'pdf' ? renderPdf(doc) : renderDocx(doc);
}
