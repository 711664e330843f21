import { describe, expect, it } from 'vitest';
import { recordingUploadProblems, releaseNeedsRedaction, releaseProblems, RECORDING_MAX_BYTES } from './recordings.js';

/** The bytes do not matter here: what they were detected as does (src/modules/shared/detect-file-type.ts reads them). */
const mp3 = Buffer.from('ID3 and the rest');
const EXT: Record<string, string> = { 'audio/mpeg': 'mp3', 'audio/mp4': 'm4a', 'video/mp4': 'mp4', 'audio/wav': 'wav', 'video/webm': 'webm', 'application/pdf': 'pdf' };
/** A file as the module hands it over: its declared type, its name, and what its content was detected as. */
const file = (fileType: string, content: Buffer, truncated = false, detectedType: string | null = fileType) =>
  ({ fileName: `conference.${EXT[fileType] ?? 'bin'}`, fileType, detectedType, content, truncated });

describe('RC5: what may be uploaded as a recording', () => {
  const cases: [string, Parameters<typeof recordingUploadProblems>[0], string[]][] = [
    ['an MP3', { kind: 'original', redactedForInvitationId: null, file: file('audio/mpeg', mp3) }, []],
    ['an MP4 video', { kind: 'original', redactedForInvitationId: null, file: file('video/mp4', mp3) }, []],
    ['an M4A', { kind: 'original', redactedForInvitationId: null, file: file('audio/mp4', mp3, false, 'audio/x-m4a') }, []],
    ['a WAV', { kind: 'original', redactedForInvitationId: null, file: file('audio/wav', mp3) }, []],
    ['a WebM', { kind: 'original', redactedForInvitationId: null, file: file('video/webm', mp3) }, []],
    ['no file', { kind: 'original', redactedForInvitationId: null, file: null }, ['file']],
    ['an empty file', { kind: 'original', redactedForInvitationId: null, file: file('audio/mpeg', Buffer.alloc(0)) }, ['file']],
    ['a PDF calling itself audio', { kind: 'original', redactedForInvitationId: null, file: file('audio/mpeg', Buffer.from('%PDF-1.7 xxxxxxxx'), false, 'application/pdf') }, ['file']],
    ['an HTML page named .mp3', { kind: 'original', redactedForInvitationId: null, file: file('audio/mpeg', Buffer.from('<html>'), false, null) }, ['file']],
    ['a type not accepted', { kind: 'original', redactedForInvitationId: null, file: file('application/pdf', Buffer.from('%PDF-1.7')) }, ['file']],
    ['too large', { kind: 'original', redactedForInvitationId: null, file: file('audio/mpeg', Buffer.concat([mp3, Buffer.alloc(RECORDING_MAX_BYTES)])) }, ['file']],
    ['cut short by the upload limit', { kind: 'original', redactedForInvitationId: null, file: file('audio/mpeg', mp3, true) }, ['file']],
    ['a redacted copy names whom it is for', { kind: 'redacted', redactedForInvitationId: null, file: file('audio/mpeg', mp3) }, ['redactedForInvitationId']],
    ['a redacted copy for a named invitee', { kind: 'redacted', redactedForInvitationId: 'inv-father', file: file('audio/mpeg', mp3) }, []],
  ];
  for (const [name, input, fields] of cases) {
    it(name, () => expect(recordingUploadProblems(input).map((p) => p.field)).toEqual(fields));
  }
});

describe('RC5 and EX3: a recording is released with the same redaction as the written record', () => {
  const professional = { family: false, excludedParts: [], wholeRecord: false } as const;
  const mother = { family: true, excludedParts: [], wholeRecord: false } as const;
  const excludedFather = { family: true, excludedParts: ['analysis'], wholeRecord: false } as const;
  const fatherGivenWhole = { family: true, excludedParts: ['analysis'], wholeRecord: true } as const;
  const original = { kind: 'original', redactedForInvitationId: null };
  const forFather = { kind: 'redacted', redactedForInvitationId: 'inv-father' };

  it('who needs a redacted copy: only a family member whose record leaves parts out', () => {
    expect([professional, mother, excludedFather, fatherGivenWhole].map(releaseNeedsRedaction)).toEqual([false, false, true, false]);
  });
  const cases: [string, Parameters<typeof releaseProblems>[0], string[]][] = [
    ['a professional gets the original', { reader: professional, invitationId: 'inv-police', recording: original, noRedactionReason: null }, []],
    ['a parent who attended throughout gets the original', { reader: mother, invitationId: 'inv-mother', recording: original, noRedactionReason: null }, []],
    ['the excluded father: not the original without a reason', { reader: excludedFather, invitationId: 'inv-father', recording: original, noRedactionReason: ' ' }, ['noRedactionReason']],
    ['the excluded father: the copy cut for him', { reader: excludedFather, invitationId: 'inv-father', recording: forFather, noRedactionReason: null }, []],
    ['the excluded father: the original with the chair’s reason', { reader: excludedFather, invitationId: 'inv-father', recording: original, noRedactionReason: 'The recording was paused while he was out' }, []],
    ['the father the chair gave the whole record: the original', { reader: fatherGivenWhole, invitationId: 'inv-father', recording: original, noRedactionReason: null }, []],
    ['never a copy cut for someone else', { reader: mother, invitationId: 'inv-mother', recording: forFather, noRedactionReason: null }, ['recordingId']],
    ['no recording chosen', { reader: professional, invitationId: 'inv-police', recording: null, noRedactionReason: null }, ['recordingId']],
  ];
  for (const [name, input, fields] of cases) {
    it(name, () => expect(releaseProblems(input).map((p) => p.field)).toEqual(fields));
  }
});
