import type { Duration, TsParameter } from './types.js';

/** A timescale the procedure sets apart for initial and for review conferences. */
export function byConferenceType(initial: Duration, review: Duration, note?: string): TsParameter {
  return note === undefined ? { unit: 'byConferenceType', initial, review } : { unit: 'byConferenceType', initial, review, note };
}
