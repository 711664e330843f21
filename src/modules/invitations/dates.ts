import { londonDateOf } from '../front-door/london-time.js';

/** The London calendar date of an instant: timescales count in local days (RULES.md § 0). */
export function londonDate(instant: Date): string {
  return londonDateOf(instant).toString();
}
