/**
 * Scores one person on record against an enquiry: a pure function, so every rule of matching is
 * table-tested (score.test.ts). Each field adds evidence for or against, weighted roughly as
 * log-odds (Fellegi–Sunter): agreement on a rare thing (a full date of birth) counts for more than
 * agreement on a common one (a postcode district), and a clear disagreement counts against. The
 * total is scaled to 0–100 against the most the query could have scored, and the reasons say in
 * plain English what agreed and what did not, so the enquirer can judge.
 */
import { compareDob, type DobAgreement, type QueryDob } from './dates.js';
import { damerau, jaroWinkler } from './distance.js';
import { formalNamesOf, transliterationGroup } from './names.js';
import { familyForms, nameTokens, normalisePostcode, postcodeDistrict, postcodeSector } from './normalise.js';
import { soundAlike } from './phonetic.js';

export type Strength = 'strong' | 'possible' | 'weak';

export interface MatchQuery {
  given: string;
  family: string;
  dob?: QueryDob | null;
  postcode?: string | null;
}

export interface MatchRecord {
  givenNames: string;
  familyName: string;
  aliases: { givenNames: string; familyName: string }[];
  dateOfBirth: string | null;
  /** Current postcodes first; `current` false for previous addresses. */
  postcodes: { postcode: string; current: boolean }[];
}

export interface MatchResult {
  score: number;
  strength: Strength;
  reasons: string[];
  /** Every field given agrees exactly (names as written, the date of birth, the postcode): what a strict search finds. */
  strict: boolean;
}

/** Below this a person is not offered as a candidate at all. */
export const MIN_SCORE = 15;

const W = {
  name: { exact: 4, variant: 3.6, nickname: 3.4, phonetic: 3.2, similar: 2.8, part: 3, initial: 1.5, weak: 1, none: -3 },
  dob: { exact: 6, 'day-month-swapped': 4.5, 'one-digit': 4, 'transposed-digits': 4, 'year-off-by-one': 3, 'within-approximate': 1.5, unknown: 0, different: -5 },
  postcode: { current: 2, previous: 1.6, sector: 0.6, district: 0.3, none: 0 },
  swappedPenalty: 0.5,
  middleNameFactor: 0.85,
} as const;

type NameLevel = keyof typeof W.name;
interface NameAgreement {
  level: NameLevel;
  weight: number;
  reason: string;
}

const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One name token against another: the strongest kind of agreement that holds. */
export function compareNameToken(q: string, r: string, which: 'given' | 'family'): NameAgreement {
  const label = `${which} name`;
  if (q === r) return { level: 'exact', weight: W.name.exact, reason: `${label} matches` };
  const group = transliterationGroup(q);
  if (group && group === transliterationGroup(r)) return { level: 'variant', weight: W.name.variant, reason: `${label} is a spelling of ${title(group[0]!)}` };
  if (which === 'given') {
    const qFormal = formalNamesOf(q);
    const rFormal = formalNamesOf(r);
    if (qFormal.includes(r)) return { level: 'nickname', weight: W.name.nickname, reason: `nickname of ${title(r)}` };
    if (rFormal.includes(q)) return { level: 'nickname', weight: W.name.nickname, reason: `nickname of ${title(q)}` };
    const shared = qFormal.find((f) => rFormal.includes(f));
    if (shared) return { level: 'nickname', weight: W.name.nickname, reason: `nickname of ${title(shared)}` };
  }
  if (q.length > 1 && r.length > 1 && soundAlike(q, r)) return { level: 'phonetic', weight: W.name.phonetic, reason: `${label} sounds alike` };
  const jw = jaroWinkler(q, r);
  const edits = Math.min(q.length, r.length) >= 4 ? damerau(q, r) : 99;
  if (jw >= 0.9 || edits <= 1 || (edits <= 2 && Math.min(q.length, r.length) >= 8)) return { level: 'similar', weight: W.name.similar, reason: `${label} spelt similarly` };
  if (which === 'given' && q.length === 1 && r.startsWith(q)) return { level: 'initial', weight: W.name.initial, reason: 'initial of the given name matches' };
  if (jw >= 0.82) return { level: 'weak', weight: W.name.weak, reason: `${label} somewhat alike` };
  return { level: 'none', weight: W.name.none, reason: `${label} differs` };
}

function best(options: NameAgreement[]): NameAgreement {
  return options.reduce((a, b) => (b.weight > a.weight ? b : a));
}

function compareGiven(query: string, recorded: string): NameAgreement {
  const q = nameTokens(query);
  const r = nameTokens(recorded);
  if (!q.length || !r.length) return { level: 'none', weight: 0, reason: 'given name not compared' };
  const first = compareNameToken(q[0]!, r[0]!, 'given');
  const options = [first];
  // Any given-name token of the query against any other on record (a middle name used as the first).
  for (const [i, qt] of q.entries()) {
    for (const [j, rt] of r.entries()) {
      if (i === 0 && j === 0) continue;
      const a = compareNameToken(qt, rt, 'given');
      if (a.level === 'none' || a.level === 'weak') continue;
      options.push({ ...a, weight: a.weight * W.middleNameFactor, reason: `${a.reason} (${j > 0 ? 'a middle name' : 'first name'})` });
    }
  }
  // Forenames run together or split ("Mary Ann" / "Maryann").
  if (q.length + r.length > 2 && q.join('') === r.join('')) options.push({ level: 'exact', weight: W.name.exact, reason: 'given names match' });
  return best(options);
}

function compareFamily(query: string, recorded: string): NameAgreement {
  const q = familyForms(query);
  const r = familyForms(recorded);
  if (!q.whole || !r.whole) return { level: 'none', weight: W.name.none, reason: 'family name differs' };
  const whole = compareNameToken(q.whole, r.whole, 'family');
  const options = [whole];
  if (q.tokens.length > 1 || r.tokens.length > 1) {
    for (const qt of q.tokens) {
      for (const rt of r.tokens) {
        const a = compareNameToken(qt, rt, 'family');
        if (a.level === 'exact' || a.level === 'variant' || a.level === 'phonetic') {
          options.push({ level: 'part', weight: Math.min(a.weight, W.name.part), reason: 'family name is part of a double-barrelled name' });
        }
      }
    }
  }
  return best(options);
}

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

const GOOD_NAME: NameLevel[] = ['exact', 'variant', 'nickname', 'phonetic', 'similar', 'part'];

export function scoreCandidate(query: MatchQuery, record: MatchRecord): MatchResult {
  const pairings = [
    ...pairNames(query, record.givenNames, record.familyName, null),
    ...record.aliases.map((a) => pairNames(query, a.givenNames, a.familyName, `matches alias or previous name ${a.givenNames} ${a.familyName}`.trim())).flat(),
  ];
  const names = pairings.reduce((a, b) => (b.weight > a.weight ? b : a));
  const dob = compareDob(query.dob ?? null, record.dateOfBirth);
  const postcode = comparePostcode(query.postcode, record.postcodes);

  const total = names.weight + W.dob[dob] + postcode.weight;
  const hasGiven = nameTokens(query.given).length > 0;
  const max = W.name.exact * (hasGiven ? 2 : 1) + (query.dob ? W.dob.exact : 0) + (normalisePostcode(query.postcode) ? W.postcode.current : 0);
  const score = Math.max(0, Math.min(100, Math.round((100 * total) / max)));

  const reasons = [names.family.reason, names.given.reason, ...names.extra];
  const dobReason = DOB_REASON[dob];
  if (dobReason) reasons.push(dobReason);
  if (postcode.reason) reasons.push(postcode.reason);
  if (names.given.level === 'none' && names.family.level === 'exact' && dob === 'exact') reasons.push('same family name and date of birth: a twin or sibling?');

  const namesGood = GOOD_NAME.includes(names.family.level) && GOOD_NAME.includes(names.given.level);
  const namesExact = ['exact', 'variant'].includes(names.family.level) && ['exact', 'variant', 'nickname'].includes(names.given.level);
  const placeAgrees = postcode.level === 'current' || postcode.level === 'previous';
  const nearDob = dob === 'day-month-swapped' || dob === 'one-digit' || dob === 'transposed-digits' || dob === 'year-off-by-one';
  let strength: Strength;
  if (namesGood && (dob === 'exact' || (nearDob && placeAgrees && namesExact) || (dob === 'unknown' && !query.dob && namesExact && postcode.level === 'current'))) strength = 'strong';
  else if (score >= 55) strength = 'possible';
  else strength = 'weak';
  const strict =
    names.family.level === 'exact' &&
    names.given.level === 'exact' &&
    !names.extra.includes('given and family names swapped') &&
    (dob === 'exact' || !query.dob) &&
    (!normalisePostcode(query.postcode) || placeAgrees);
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
