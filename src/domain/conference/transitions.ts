import { choiceSet } from '../choices.js';

export const CONFERENCE_EVENTS = ['authorise', 'book', 'rearrange', 'send-invitations', 'hold', 'adjourn', 'cancel'] as const;
export type ConferenceEvent = (typeof CONFERENCE_EVENTS)[number];

/**
 * The life of a conference as an explicit state machine: a step not in this table cannot
 * happen, whatever URL or API call asks for it (ARCHITECTURE.md, after GOV.UK One Login).
 */
export const { labels: STATUS_LABELS, values: CONFERENCE_STATUSES, is: isConferenceStatus } = choiceSet({
  'awaiting-authorisation': 'Waiting for a team manager to authorise',
  requested: 'Requested: to book',
  booked: 'Booked',
  'invitations-sent': 'Invitations sent',
  held: 'Held',
  adjourned: 'Adjourned',
  cancelled: 'Cancelled',
});
export type ConferenceStatus = (typeof CONFERENCE_STATUSES)[number];

const TABLE: Record<ConferenceEvent, Partial<Record<ConferenceStatus, ConferenceStatus>>> = {
  authorise: { 'awaiting-authorisation': 'requested' },
  book: { requested: 'booked' },
  // A new date or room; invitations already sent must go again, so the status falls back to booked.
  rearrange: { booked: 'booked', 'invitations-sent': 'booked' },
  'send-invitations': { booked: 'invitations-sent', 'invitations-sent': 'invitations-sent' },
  hold: { 'invitations-sent': 'held' },
  adjourn: { 'invitations-sent': 'adjourned' },
  cancel: { 'awaiting-authorisation': 'cancelled', requested: 'cancelled', booked: 'cancelled', 'invitations-sent': 'cancelled' },
};

/** Why a step is refused, in words a person understands, keyed by the status it was tried from. */
const REFUSALS: Partial<Record<ConferenceStatus, string>> = {
  'awaiting-authorisation': 'A team manager must authorise the decision to convene first.',
  requested: 'The conference has not been booked yet.',
  held: 'The conference has already been held.',
  adjourned: 'The conference was adjourned: book the reconvened conference instead.',
  cancelled: 'The conference was cancelled.',
};

const EVENT_WORDS: Record<ConferenceEvent, string> = {
  authorise: 'authorise it',
  book: 'book it',
  rearrange: 'rearrange it',
  'send-invitations': 'send invitations',
  hold: 'record it as held',
  adjourn: 'adjourn it',
  cancel: 'cancel it',
};

export class TransitionError extends Error {
  constructor(readonly from: ConferenceStatus, readonly event: ConferenceEvent, message: string) {
    super(message);
    this.name = 'TransitionError';
  }
}

export function canTransition(from: ConferenceStatus, event: ConferenceEvent): boolean {
  return TABLE[event][from] !== undefined;
}

export function nextStatus(from: ConferenceStatus, event: ConferenceEvent): ConferenceStatus {
  const to = TABLE[event][from];
  if (to) return to;
  const why = REFUSALS[from] ?? `It is ${STATUS_LABELS[from].toLowerCase()}.`;
  throw new TransitionError(from, event, `You cannot ${EVENT_WORDS[event]} now: ${why}`);
}
