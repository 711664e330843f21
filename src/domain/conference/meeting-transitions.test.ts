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

/**
 * One test for every (state, event) pair of a state machine: the pairs in `allowed` ("state:event")
 * lead to the state it names, every other pair is refused.
 */
function itFollowsTheTable<S extends string, E extends string>(
  states: readonly S[], events: readonly E[], allowed: Record<string, string>, next: (from: S, event: E) => string,
): void {
  for (const from of states) {
    for (const event of events) {
      const to = allowed[`${from}:${event}`];
      it(`${from} --${event}--> ${to ?? 'refused'}`, () => {
        if (to) expect(next(from, event)).toBe(to);
        else expect(() => next(from, event)).toThrow(StepRefused);
      });
    }
  }
}

describe('meeting transitions', () => {
  const allowed: Record<string, string> = { 'not-started:open': 'in-progress', 'in-progress:hold': 'held', 'in-progress:adjourn': 'adjourned' };
  const events: MeetingEvent[] = ['open', 'hold', 'adjourn'];
  itFollowsTheTable(['not-started', ...MEETING_STATUSES] as const, events, allowed, nextMeetingStatus);
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
  itFollowsTheTable(RECORD_STATUSES, events, allowed, nextRecordStatus);
  it('refuses distribution of a draft with a message a person understands', () => {
    expect(() => nextRecordStatus('draft', 'distribute')).toThrow('The chair must approve the record before it can be distributed.');
  });
});
