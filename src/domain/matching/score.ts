/**
 * Scores one person on record against an enquiry: a pure function, so every rule of matching is
 * table-tested (score.test.ts). Each field adds evidence for or against, weighted roughly as
 * log-odds (Fellegi–Sunter): agreement on a rare thing (a full date of birth) counts for more than
 * agreement on a common one (a postcode district), and a clear disagreement counts against. The
 * total is scaled to 0–100 against the most the query could have scored, and the reasons say in
 * plain English what agreed and what did not, so the enquirer can judge.
 */
import { compareDob, type DobAgreement, type QueryDob } from './dates.js';
import { compareFamily, compareGiven, GOOD_NAME, NAME_WEIGHTS, type NameAgreement } from './compare-names.js';
import { normalisePostcode, nameTokens, postcodeDistrict, postcodeSector } from './normalise.js';
import { compareParents, type ParentName, type RecordedParent } from './parents.js';

export { compareNameToken } from './compare-names.js';

export type Strength = 'strong' | 'possible' | 'weak';

export interface MatchQuery {
  given: string;
  family: string;
  dob?: QueryDob | null;
  postcode?: string | null;
  /** A parent's name, or both parents': see parents.ts. */
  parents?: ParentName[];
}

export interface MatchRecord {
  givenNames: string;
  familyName: string;
  aliases: { givenNames: string; familyName: string }[];
  dateOfBirth: string | null;
  /** Current postcodes first; `current` false for previous addresses. */
  postcodes: { postcode: string; current: boolean }[];
  /** The child's recorded mother, father and step-parents; omitted or empty when none is recorded. */
  parents?: RecordedParent[];
}

export interface MatchResult {
  score: number;
  strength: Strength;
  reasons: string[];
  /** Every field given agrees exactly (names as written, the date of birth, the postcode, a parent's name): what a strict search finds. */
  strict: boolean;
}

/** Below this a person is not offered as a candidate at all. */
export const MIN_SCORE = 15;

const W = {
  name: NAME_WEIGHTS,
  dob: { exact: 6, 'day-month-swapped': 4.5, 'one-digit': 4, 'transposed-digits': 4, 'year-off-by-one': 3, 'within-approximate': 1.5, unknown: 0, different: -5 },
  postcode: { current: 2, previous: 1.6, sector: 0.6, district: 0.3, none: 0 },
  swappedPenalty: 0.5,
} as const;

const DOB_REASON: Record<DobAgreement, string | null> = {
  exact: 'date of birth matches',
  'day-month-swapped': 'date of birth with day and month swapped',
  'one-digit': 'date of birth differs by one digit',
  'transposed-digits': 'date of birth with two digits transposed',
  'year-off-by-one': 'year of birth differs by one',
  'within-approximate': 'born within the approximate years given',
  unknown: null,
  different: 'date of birth differs',
};

function comparePostcode(query: string | null | undefined, recorded: MatchRecord['postcodes']): { weight: number; reason: string | null; level: keyof typeof W.postcode } {
  const q = normalisePostcode(query);
  if (!q || !recorded.length) return { weight: 0, reason: null, level: 'none' };
  const normal = recorded.map((p) => ({ ...p, n: normalisePostcode(p.postcode) })).filter((p) => p.n);
  if (normal.some((p) => p.current && p.n === q)) return { weight: W.postcode.current, reason: 'postcode matches the current address', level: 'current' };
  if (normal.some((p) => !p.current && p.n === q)) return { weight: W.postcode.previous, reason: 'postcode matches a previous address', level: 'previous' };
  const sector = postcodeSector(q);
  if (sector && normal.some((p) => postcodeSector(p.n!) === sector)) return { weight: W.postcode.sector, reason: 'same postcode sector', level: 'sector' };
  const district = postcodeDistrict(q);
  if (district && normal.some((p) => postcodeDistrict(p.n!) === district)) return { weight: W.postcode.district, reason: 'same postcode district', level: 'district' };
  return { weight: 0, reason: 'postcode differs', level: 'none' };
}

interface NamePairing {
  given: NameAgreement;
  family: NameAgreement;
  weight: number;
  extra: string[];
}

function pairNames(query: MatchQuery, givenNames: string, familyName: string, label: string | null): NamePairing[] {
  const straight = { given: compareGiven(query.given, givenNames), family: compareFamily(query.family, familyName) };
  const swapped = { given: compareGiven(query.family, givenNames), family: compareFamily(query.given, familyName) };
  const extra = label ? [label] : [];
  return [
    { ...straight, weight: straight.given.weight + straight.family.weight, extra },
    { ...swapped, weight: swapped.given.weight + swapped.family.weight - W.swappedPenalty, extra: ['given and family names swapped', ...extra] },
  ];
}

export function scoreCandidate(query: MatchQuery, record: MatchRecord): MatchResult {
  const pairings = [
    ...pairNames(query, record.givenNames, record.familyName, null),
    ...record.aliases.map((a) => pairNames(query, a.givenNames, a.familyName, `matches alias or previous name ${a.givenNames} ${a.familyName}`.trim())).flat(),
  ];
  const names = pairings.reduce((a, b) => (b.weight > a.weight ? b : a));
  const dob = compareDob(query.dob ?? null, record.dateOfBirth);
  const postcode = comparePostcode(query.postcode, record.postcodes);
  const parents = compareParents(query.parents ?? [], record.parents ?? []);

  const total = names.weight + W.dob[dob] + postcode.weight + parents.weight;
  const hasGiven = nameTokens(query.given).length > 0;
  const max = W.name.exact * (hasGiven ? 2 : 1) + (query.dob ? W.dob.exact : 0) + (normalisePostcode(query.postcode) ? W.postcode.current : 0) + parents.max;
  const score = Math.max(0, Math.min(100, Math.round((100 * total) / max)));

  const reasons = [names.family.reason, names.given.reason, ...names.extra];
  const dobReason = DOB_REASON[dob];
  if (dobReason) reasons.push(dobReason);
  if (postcode.reason) reasons.push(postcode.reason);
  reasons.push(...parents.reasons);
  if (names.given.level === 'none' && names.family.level === 'exact' && dob === 'exact') reasons.push('same family name and date of birth: a twin or sibling?');

  const namesGood = GOOD_NAME.includes(names.family.level) && GOOD_NAME.includes(names.given.level);
  const namesExact = ['exact', 'variant'].includes(names.family.level) && ['exact', 'variant', 'nickname'].includes(names.given.level);
  const placeAgrees = postcode.level === 'current' || postcode.level === 'previous';
  // A parent named as recorded corroborates as a current address does: the child's own names
  // must still agree, so a sibling (same parents, another given name) is never made strong by it.
  const parentAgrees = parents.max > 0 && parents.allExact;
  const nearDob = dob === 'day-month-swapped' || dob === 'one-digit' || dob === 'transposed-digits' || dob === 'year-off-by-one';
  let strength: Strength;
  if (
    namesGood &&
    (dob === 'exact' ||
      (nearDob && (placeAgrees || parentAgrees) && namesExact) ||
      (dob === 'unknown' && !query.dob && namesExact && (postcode.level === 'current' || parentAgrees)))
  )
    strength = 'strong';
  else if (score >= 55) strength = 'possible';
  else strength = 'weak';
  const strict =
    names.family.level === 'exact' &&
    names.given.level === 'exact' &&
    !names.extra.includes('given and family names swapped') &&
    (dob === 'exact' || !query.dob) &&
    (!normalisePostcode(query.postcode) || placeAgrees) &&
    parents.allExact;
  return { score, strength, reasons, strict };
}

const STRENGTH_ORDER: Record<Strength, number> = { strong: 0, possible: 1, weak: 2 };

/** Strongest first, then by score; ties keep a stable order by the tie-breaker (the person's id). */
export function rankCandidates<T extends { match: MatchResult; id: string }>(candidates: T[], limit = 10): T[] {
  return candidates
    .filter((c) => c.match.score >= MIN_SCORE)
    .sort((a, b) => STRENGTH_ORDER[a.match.strength] - STRENGTH_ORDER[b.match.strength] || b.match.score - a.match.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}
