import { describe, expect, it } from 'vitest';
import {
  MEETING_STATUSES,
  RECORD_STATUSES,
  StepRefused,
  meetingEditable,
  nextMeetingStatus,
  nextRecordStatus,
  type MeetingEvent,
  type RecordEvent,
} from './meeting-transitions.js';

describe('meeting transitions', () => {
  const allowed: Record<string, string> = { 'not-started:open': 'in-progress', 'in-progress:hold': 'held', 'in-progress:adjourn': 'adjourned' };
  const events: MeetingEvent[] = ['open', 'hold', 'adjourn'];
  for (const from of ['not-started', ...MEETING_STATUSES] as const) {
    for (const event of events) {
      const to = allowed[`${from}:${event}`];
      it(`${from} --${event}--> ${to ?? 'refused'}`, () => {
        if (to) expect(nextMeetingStatus(from, event)).toBe(to);
        else expect(() => nextMeetingStatus(from, event)).toThrow(StepRefused);
      });
    }
  }
  it('only an open meeting can be edited', () => {
    expect(meetingEditable('in-progress')).toBe(true);
    for (const s of ['not-started', 'held', 'adjourned'] as const) expect(meetingEditable(s)).toBe(false);
  });
});

describe('record transitions: draft → approved → distributed', () => {
  const allowed: Record<string, string> = {
    'draft:save': 'draft',
    'draft:approve': 'approved',
    'approved:revise': 'draft',
    'distributed:revise': 'draft',
    'approved:distribute': 'distributed',
    'distributed:distribute': 'distributed',
  };
  const events: RecordEvent[] = ['save', 'approve', 'revise', 'distribute'];
  for (const from of RECORD_STATUSES) {
    for (const event of events) {
      const to = allowed[`${from}:${event}`];
      it(`${from} --${event}--> ${to ?? 'refused'}`, () => {
        if (to) expect(nextRecordStatus(from, event)).toBe(to);
        else expect(() => nextRecordStatus(from, event)).toThrow(StepRefused);
      });
    }
  }
  it('refuses distribution of a draft with a message a person understands', () => {
    expect(() => nextRecordStatus('draft', 'distribute')).toThrow('The chair must approve the record before it can be distributed.');
  });
});
