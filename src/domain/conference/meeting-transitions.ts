import { isOneOf } from '../choices.js';
/**
 * Two small state machines beside the conference's own (transitions.ts): the meeting on the day,
 * and the record that follows it. A step not in a table cannot happen.
 */
export const MEETING_STATUSES = ['in-progress', 'held', 'adjourned'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export type MeetingEvent = 'open' | 'hold' | 'adjourn';

const MEETING_TABLE: Record<MeetingEvent, Partial<Record<MeetingStatus | 'not-started', MeetingStatus>>> = {
  open: { 'not-started': 'in-progress' },
  hold: { 'in-progress': 'held' },
  adjourn: { 'in-progress': 'adjourned' },
};

const MEETING_REFUSALS: Record<MeetingStatus | 'not-started', string> = {
  'not-started': 'The meeting has not been opened yet.',
  'in-progress': 'The meeting is already open.',
  held: 'The meeting has ended and the conference is recorded as held.',
  adjourned: 'The meeting has ended: the conference was adjourned.',
};

export const RECORD_STATUSES = ['draft', 'approved', 'distributed'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];
export type RecordEvent = 'save' | 'approve' | 'revise' | 'distribute';

const RECORD_TABLE: Record<RecordEvent, Partial<Record<RecordStatus, RecordStatus>>> = {
  save: { draft: 'draft' },
  approve: { draft: 'approved' },
  // A correction after approval goes back to the chair, so what is sent is always approved.
  revise: { approved: 'draft', distributed: 'draft' },
  // Sending again (a late invitee, a lost letter) sends the same approved version.
  distribute: { approved: 'distributed', distributed: 'distributed' },
};

const RECORD_REFUSALS: Record<RecordEvent, Partial<Record<RecordStatus, string>>> = {
  save: {
    approved: 'The record has been approved. Choose to revise it first; the chair then approves it again.',
    distributed: 'The record has been distributed. Choose to revise it first; the chair then approves it again.',
  },
  approve: { approved: 'The record is already approved.', distributed: 'The record has already been approved and distributed.' },
  revise: { draft: 'The record is still a draft: save your changes instead.' },
  distribute: { draft: 'The chair must approve the record before it can be distributed.' },
};

export class StepRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StepRefused';
  }
}

export function nextMeetingStatus(from: MeetingStatus | 'not-started', event: MeetingEvent): MeetingStatus {
  const to = MEETING_TABLE[event][from];
  if (to) return to;
  throw new StepRefused(MEETING_REFUSALS[from]);
}

/** Attendance, views, decisions and outline plans change only while the meeting is open. */
export function meetingEditable(status: MeetingStatus | 'not-started'): boolean {
  return status === 'in-progress';
}

export function nextRecordStatus(from: RecordStatus, event: RecordEvent): RecordStatus {
  const to = RECORD_TABLE[event][from];
  if (to) return to;
  throw new StepRefused(RECORD_REFUSALS[event][from] ?? 'That step is not possible now.');
}

export function isRecordStatus(value: string): value is RecordStatus {
  return isOneOf(RECORD_STATUSES, value);
}

export function isMeetingStatus(value: string): value is MeetingStatus {
  return isOneOf(MEETING_STATUSES, value);
}
