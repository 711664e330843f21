import { isOneOf, keysOf } from '../choices.js';

export const CONFERENCE_KIND_LABELS = {
  initial: 'Initial child protection conference',
  'pre-birth': 'Pre-birth initial child protection conference',
  'transfer-in': 'Transfer-in conference',
  review: 'Review child protection conference',
  'designated-review': 'Designated review conference',
  reconvened: 'Reconvened conference',
};
/** Conference types (CV1). One conference may be the initial for some children and the review for others. */
export const CONFERENCE_KINDS = keysOf(CONFERENCE_KIND_LABELS);
export type ConferenceKind = (typeof CONFERENCE_KINDS)[number];

/** A stored conference's kind; one outside the list (never written by Convene) reads as an initial conference. */
export function conferenceKindOf(value: string): ConferenceKind {
  return isOneOf(CONFERENCE_KINDS, value) ? value : 'initial';
}

/** Whether a conference of this kind is an initial (for the report and invitation deadlines TS12–TS15). */
export function isInitialKind(kind: ConferenceKind): boolean {
  return kind === 'initial' || kind === 'pre-birth' || kind === 'transfer-in';
}
