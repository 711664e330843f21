import { isConferenceStatus, nextStatus, TransitionError, type ConferenceEvent, type ConferenceStatus } from '../../domain/conference/transitions.js';
import { ConflictError } from './errors.js';

/** The step a conference's status change takes, refused with a message a person understands (409). */
export function transition(from: string, event: ConferenceEvent): ConferenceStatus {
  if (!isConferenceStatus(from)) throw new ConflictError(`This conference has an unknown status (${from}).`);
  try {
    return nextStatus(from, event);
  } catch (error) {
    if (error instanceof TransitionError) throw new ConflictError(error.message);
    throw error;
  }
}
