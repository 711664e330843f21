import type { Division } from './division.js';

const LABELS: Record<Division, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

/** The division's name as people write it. */
export function divisionLabel(division: Division): string {
  return LABELS[division];
}
