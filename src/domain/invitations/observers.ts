import { isLate, type Timing } from './timing.js';

export type FamilyConsent = 'given' | 'refused' | null;

export interface ObserverRequest {
  requestedOn: string;
  chairAgreed: boolean;
  familyConsent: FamilyConsent;
}

export type ObserverStanding =
  | { status: 'awaiting-chair'; late: boolean }
  | { status: 'awaiting-family'; late: boolean }
  | { status: 'refused'; why: string }
  | { status: 'may-observe' };

/**
 * IN9: an observer comes only when the request arrived in time (TS17), the chair agreed, and
 * the family consented. A late request is not refused outright: the chair may still agree, but
 * sees that it was late. The observer takes no part in discussion or decisions, and the
 * invitation says so.
 */
export function observerStanding(request: ObserverRequest, due: Timing): ObserverStanding {
  const late = isLate(due, request.requestedOn);
  if (request.familyConsent === 'refused') return { status: 'refused', why: 'The family did not agree to the observer.' };
  if (!request.chairAgreed) return { status: 'awaiting-chair', late };
  if (request.familyConsent !== 'given') return { status: 'awaiting-family', late };
  return { status: 'may-observe' };
}

export const OBSERVER_CONDITIONS = 'Observers take no part in the discussion or the decisions.';
