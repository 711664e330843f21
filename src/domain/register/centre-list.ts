import { isUnderFive } from '../conference/child-age.js';
import { postcodeDistrict } from './register-view.js';

/** A child on a plan as RG6 needs it: age, where they live and what the conference recorded under DC8. */
export interface CentreListCandidate {
  childId: string;
  name: string;
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  postcode: string | null;
  planStart: string;
  /** DC8 at the conference that made or last kept the plan: 'told' means the parents agreed. */
  childrensCentre: 'told' | 'not-told' | null;
}

export interface CentreList {
  named: { childId: string; name: string; dateOfBirth: string | null; expectedDeliveryDate: string | null; planStart: string }[];
  unnamedCount: number;
}

/**
 * RG6: the under-5s (unborn included) on a plan who live in the centre's districts on the day:
 * named where the parents agreed the centre be told (DC8 'told'), otherwise only counted. A
 * child whose DC8 answer is missing is counted, never named: consent is never assumed.
 */
export function composeCentreList(children: readonly CentreListCandidate[], districts: readonly string[], on: string): CentreList {
  const served = new Set(districts.map((d) => d.toUpperCase().replace(/\s+/g, '')));
  const inArea = children.filter((c) => {
    const district = c.postcode ? postcodeDistrict(c.postcode) : null;
    return district !== null && served.has(district) && isUnderFive(c.dateOfBirth, c.expectedDeliveryDate, on);
  });
  const named = inArea
    .filter((c) => c.childrensCentre === 'told')
    .map(({ childId, name, dateOfBirth, expectedDeliveryDate, planStart }) => ({ childId, name, dateOfBirth, expectedDeliveryDate, planStart }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  return { named, unnamedCount: inArea.length - named.length };
}
