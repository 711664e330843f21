import type { RuleProblem as FieldError } from '../rules/rule-problem.js';
import { REPORT_FILE_MAX_BYTES } from '../reports/report-file.js';
import { uploadTypeVerdict, type AcceptedType, type UploadFacts } from '../uploads/accepted-files.js';
import { redactedPartsFor, type CopyReader } from './record-sections.js';

/**
 * RC5: what a recording of the conference may be: the audio and video formats meeting software and
 * recorders produce. Kept like a report's uploaded document, in the database with the record, and
 * held to the same size limit.
 */
export const RECORDING_ACCEPTED: Record<string, AcceptedType> = {
  'audio/mpeg': { label: 'MP3 audio', extensions: ['mp3'], detectedAs: ['audio/mpeg'] },
  'audio/mp4': { label: 'M4A audio', extensions: ['m4a', 'mp4'], detectedAs: ['audio/mp4', 'audio/x-m4a', 'video/mp4'] },
  'video/mp4': { label: 'MP4 video', extensions: ['mp4', 'm4v', 'm4a'], detectedAs: ['video/mp4', 'audio/mp4', 'audio/x-m4a'] },
  'audio/wav': { label: 'WAV audio', extensions: ['wav'], detectedAs: ['audio/wav'] },
  'audio/webm': { label: 'WebM audio', extensions: ['webm', 'weba'], detectedAs: ['audio/webm', 'video/webm'] },
  'video/webm': { label: 'WebM video', extensions: ['webm'], detectedAs: ['video/webm', 'audio/webm'] },
};

export const RECORDING_FILE_TYPES: Record<string, string> = Object.fromEntries(Object.entries(RECORDING_ACCEPTED).map(([type, t]) => [type, t.label]));

export const RECORDING_MAX_BYTES = REPORT_FILE_MAX_BYTES;

export type RecordingKind = 'original' | 'redacted';

export interface RecordingUpload {
  kind: RecordingKind;
  /** A redacted copy is cut for one reader: the invitee whose copy of the record leaves parts out. */
  redactedForInvitationId: string | null;
  file: (UploadFacts & { content: Buffer; truncated: boolean }) | null;
}

export function recordingUploadProblems(input: RecordingUpload): FieldError[] {
  const problems: FieldError[] = [];
  const file = input.file;
  if (!file || file.content.length === 0) problems.push({ field: 'file', message: 'Choose the recording to upload' });
  else if (file.truncated || file.content.length > RECORDING_MAX_BYTES) problems.push({ field: 'file', message: 'The recording must be smaller than 5 MB' });
  else {
    const verdict = uploadTypeVerdict(file, RECORDING_ACCEPTED);
    if (verdict === 'type-not-accepted') problems.push({ field: 'file', message: 'The recording must be MP3, M4A, MP4, WAV or WebM audio or video' });
    if (verdict === 'content-does-not-match') {
      problems.push({ field: 'file', message: `The file is not really ${RECORDING_ACCEPTED[file.fileType]!.label}: its content does not match its name. Upload the recording itself` });
    }
  }
  if (input.kind === 'redacted' && !input.redactedForInvitationId) problems.push({ field: 'redactedForInvitationId', message: 'Select whom the redacted copy is for' });
  return problems;
}

/**
 * RC5 and EX3: a recording is released with the same redaction as the written record. A reader
 * whose copy of the record leaves out parts (an excluded family member, unless the chair gave them
 * the whole record) gets a redacted copy cut for them, or the original only with the chair's
 * recorded reason why no redaction is needed.
 */
export function releaseProblems(input: {
  reader: CopyReader;
  invitationId: string;
  recording: { kind: string; redactedForInvitationId: string | null } | null;
  noRedactionReason: string | null;
}): FieldError[] {
  if (!input.recording) return [{ field: 'recordingId', message: 'Choose the recording to release' }];
  if (input.recording.kind === 'redacted' && input.recording.redactedForInvitationId !== input.invitationId) {
    return [{ field: 'recordingId', message: 'That redacted copy was cut for someone else. Choose theirs, or upload one for this person.' }];
  }
  if (input.recording.kind === 'original' && releaseNeedsRedaction(input.reader) && !input.noRedactionReason?.trim()) {
    return [{ field: 'noRedactionReason', message: 'Their copy of the record leaves out parts they were excluded from. Release a redacted copy, or record why no redaction is needed.' }];
  }
  return [];
}

/** Whether this reader's copy of the record leaves anything out because of an exclusion. */
export function releaseNeedsRedaction(reader: CopyReader): boolean {
  return reader.family && redactedPartsFor({ ...reader, family: false }).length > 0;
}
