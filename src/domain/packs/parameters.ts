import type { Duration, TsParameter } from './types.js';

/** How a pack cites its source: `<file> § <section>`, the section in the procedure's own words. */
export const citing =
  (file: string) =>
  (section: string): string =>
    `${file} § ${section}`;

/** A timescale the procedure sets apart for initial and for review conferences. */
export function byConferenceType(initial: Duration, review: Duration, note?: string): TsParameter {
  return note === undefined ? { unit: 'byConferenceType', initial, review } : { unit: 'byConferenceType', initial, review, note };
}
