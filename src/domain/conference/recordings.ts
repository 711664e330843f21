import type { RuleProblem as FieldError } from '../front-door/problems.js';
import { REPORT_FILE_MAX_BYTES } from '../reports/report-file.js';
import { redactedPartsFor, type CopyReader } from './record-sections.js';

/**
 * RC5: what a recording of the conference may be: the audio and video formats meeting software and
 * recorders produce. Kept like a report's uploaded document, in the database with the record, and
 * held to the same size limit.
 */
export const RECORDING_FILE_TYPES: Record<string, string> = {
  'audio/mpeg': 'MP3 audio',
  'audio/mp4': 'M4A audio',
  'video/mp4': 'MP4 video',
  'audio/wav': 'WAV audio',
  'audio/webm': 'WebM audio',
  'video/webm': 'WebM video',
};

export const RECORDING_MAX_BYTES = REPORT_FILE_MAX_BYTES;

/** The first bytes of each accepted type: the browser's declared type alone is not trusted. */
function looksLike(type: string, content: Buffer): boolean {
  const head = content.subarray(0, 12);
  switch (type) {
    case 'audio/mpeg': return head.subarray(0, 3).toString('latin1') === 'ID3' || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0);
    case 'audio/mp4':
    case 'video/mp4': return head.subarray(4, 8).toString('latin1') === 'ftyp';
    case 'audio/wav': return head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WAVE';
    case 'audio/webm':
    case 'video/webm': return head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3;
    default: return false;
  }
}

export type RecordingKind = 'original' | 'redacted';

export interface RecordingUpload {
  kind: RecordingKind;
  /** A redacted copy is cut for one reader: the invitee whose copy of the record leaves parts out. */
  redactedForInvitationId: string | null;
  file: { fileName: string; fileType: string; content: Buffer; truncated: boolean } | null;
}

export function recordingUploadProblems(input: RecordingUpload): FieldError[] {
  const problems: FieldError[] = [];
  const file = input.file;
  if (!file || file.content.length === 0) problems.push({ field: 'file', message: 'Choose the recording to upload' });
  else if (file.truncated || file.content.length > RECORDING_MAX_BYTES) problems.push({ field: 'file', message: 'The recording must be smaller than 5 MB' });
  else if (!(file.fileType in RECORDING_FILE_TYPES) || !looksLike(file.fileType, file.content)) {
    problems.push({ field: 'file', message: 'The recording must be MP3, M4A, MP4, WAV or WebM audio or video' });
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
