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
import { jaroWinkler } from './distance.js';
import { foldText, normalisePostcode, nameTokens, postcodeDistrict, postcodeSector } from './normalise.js';
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
  /** Finer measures than the score, used only to order candidates the score ties (see rankCandidates). */
  tieBreak: TieBreak;
}

export interface TieBreak {
  /** The evidence total before it is scaled and rounded to the score. */
  evidence: number;
  /** Jaro–Winkler similarity (0–1) of the names as given to the nearest recorded name, either way round. */
  closeness: number;
  /** Days between the date of birth given and the one recorded; null when either is missing. */
  daysApart: number | null;
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

/** How near the names as typed are to the record's nearest name (main or alias, either way round): 0–1. */
function closenessOf(query: MatchQuery, record: MatchRecord): number {
  const given = foldText(query.given);
  const family = foldText(query.family);
  let best = 0;
  for (const name of [{ givenNames: record.givenNames, familyName: record.familyName }, ...record.aliases]) {
    const g = foldText(name.givenNames);
    const f = foldText(name.familyName);
    best = Math.max(best, (jaroWinkler(given, g) + jaroWinkler(family, f)) / 2, (jaroWinkler(family, g) + jaroWinkler(given, f)) / 2);
  }
  return best;
}

const epochDay = (iso: string): number | null => {
  const ms = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Number.isNaN(ms) ? null : ms / 86_400_000;
};

function daysApart(query: QueryDob | null | undefined, recorded: string | null): number | null {
  if (query?.kind !== 'exact' || !recorded) return null;
  const a = epochDay(query.date);
  const b = epochDay(recorded);
  return a === null || b === null ? null : Math.abs(a - b);
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
  // A parent named as recorded corroborates a near date of birth as an address does: the child's
  // own names must still agree, so a sibling (same parents, another given name) is never made
  // strong by it. With no date of birth at all it is not enough alone: at a million people, one
  // enquiry in five about a child not on record found a namesake whose mother or father shared the
  // name given (bench/enquiry.bench.ts, absent-with-parent), so it needs an address agreeing too.
  const parentAgrees = parents.max > 0 && parents.allExact;
  const nearDob = dob === 'day-month-swapped' || dob === 'one-digit' || dob === 'transposed-digits' || dob === 'year-off-by-one';
  let strength: Strength;
  if (
    namesGood &&
    (dob === 'exact' ||
      (nearDob && (placeAgrees || parentAgrees) && namesExact) ||
      (dob === 'unknown' && !query.dob && namesExact && (postcode.level === 'current' || (parentAgrees && placeAgrees))))
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
  return { score, strength, reasons, strict, tieBreak: { evidence: total, closeness: closenessOf(query, record), daysApart: daysApart(query.dob, record.dateOfBirth) } };
}

const STRENGTH_ORDER: Record<Strength, number> = { strong: 0, possible: 1, weak: 2 };

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Strongest first, then by score; candidates the score ties are ordered by what the rounding and
 * the levels hid, so the order never depends on the database or on random ids:
 *   1. more evidence (the unrounded total: one name exactly as written beats two near spellings);
 *   2. a strict match (every field as given) before a fuzzy one;
 *   3. names nearer to those typed (Jaro–Winkler): "Smithe" puts Smith before Smyth;
 *   4. a date of birth nearer to the one given;
 *   5. the person's `identity` (the caller's stable key: names, date of birth, external reference),
 *      then the id, for records alike in everything.
 */
export function rankCandidates<T extends { match: MatchResult; id: string; identity?: string }>(candidates: T[], limit = 10): T[] {
  const near = (n: number | null) => (n === null ? Number.POSITIVE_INFINITY : n);
  return candidates
    .filter((c) => c.match.score >= MIN_SCORE)
    .sort((a, b) => {
      const [x, y] = [a.match, b.match];
      return (
        STRENGTH_ORDER[x.strength] - STRENGTH_ORDER[y.strength] ||
        y.score - x.score ||
        // Evidence totals are sums of a few decimals: compare at a precision above float noise.
        Math.round((y.tieBreak.evidence - x.tieBreak.evidence) * 1e6) ||
        Number(y.strict) - Number(x.strict) ||
        Math.round((y.tieBreak.closeness - x.tieBreak.closeness) * 1e6) ||
        near(x.tieBreak.daysApart) - near(y.tieBreak.daysApart) ||
        compareText(a.identity ?? '', b.identity ?? '') ||
        compareText(a.id, b.id)
      );
    })
    .slice(0, limit);
}
