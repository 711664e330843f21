import { choiceSet, isOneOf } from '../choices.js';

/** Conference types (CV1). One conference may be the initial for some children and the review for others. */
export const { labels: CONFERENCE_KIND_LABELS, values: CONFERENCE_KINDS } = choiceSet({
  initial: 'Initial child protection conference',
  'pre-birth': 'Pre-birth initial child protection conference',
  'transfer-in': 'Transfer-in conference',
  review: 'Review child protection conference',
  'designated-review': 'Designated review conference',
  reconvened: 'Reconvened conference',
});
export type ConferenceKind = (typeof CONFERENCE_KINDS)[number];

/** A stored conference's kind; one outside the list (never written by Convene) reads as an initial conference. */
export function conferenceKindOf(value: string): ConferenceKind {
  return isOneOf(CONFERENCE_KINDS, value) ? value : 'initial';
}

/** Whether a conference of this kind is an initial (for the report and invitation deadlines TS12–TS15). */
export function isInitialKind(kind: ConferenceKind): boolean {
  return kind === 'initial' || kind === 'pre-birth' || kind === 'transfer-in';
}
