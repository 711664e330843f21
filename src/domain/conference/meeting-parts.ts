import { choiceSet } from '../choices.js';

/**
 * The parts of the meeting, in agenda order. Attendance records which parts each person was in
 * (CF3); the record tags each section with its part, so a copy can leave out the parts a family
 * member was excluded from (EX3, RC3).
 */
export const { labels: MEETING_PART_LABELS, values: MEETING_PARTS, is: isMeetingPart } = choiceSet({
  opening: 'Opening: purpose, agenda and introductions',
  information: 'Reports and information sharing',
  'confidential-information': 'Confidential information',
  analysis: 'Discussion and analysis of risk',
  decision: 'Views and decision',
  plan: 'The outline plan',
});
export type MeetingPart = (typeof MEETING_PARTS)[number];

/** The parts from `part` to the end: what someone who leaves during `part` and does not return misses. */
export function partsFrom(part: MeetingPart): MeetingPart[] {
  return MEETING_PARTS.slice(MEETING_PARTS.indexOf(part));
}

/** Keeps agenda order and drops duplicates, whatever order a form sent them in. */
export function inAgendaOrder(parts: readonly string[]): MeetingPart[] {
  return MEETING_PARTS.filter((p) => parts.includes(p));
}
