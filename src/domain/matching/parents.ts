/**
 * A parent's name given in an enquiry against the parents on the child's record (mother, father,
 * step-parent, and their aliases or previous names), with the same normalisation, nicknames,
 * spellings and sounds as the child's own names. It is evidence for a child and never against:
 * a parent the caller names may simply not be recorded (fathers often are not), so a parent who
 * does not agree adds nothing, while the query's best possible score still counts the parent, so
 * a child whose parent agrees ranks above one whose parent does not. Pure.
 */
import { compareFamily, compareGiven, GOOD_NAME, type NameAgreement, type NameLevel } from './compare-names.js';
import { nameTokens } from './normalise.js';

export interface ParentName {
  given: string;
  family: string;
}

export interface RecordedParent {
  /** As recorded on the relationship: mother, father or step-parent. */
  relation: string;
  givenNames: string;
  familyName: string;
  aliases: { givenNames: string; familyName: string }[];
}

/** A parent's full name is rarer evidence than a family name alone, which a household shares. */
export const PARENT_WEIGHTS = { fullName: 3, familyOnly: 1.5, givenOnly: 1, closeFactor: 0.75 } as const;

/** Relationships whose person counts as a parent for matching. */
export const PARENT_RELATIONS = ['mother', 'father', 'step-parent'] as const;

const EXACT_GIVEN: readonly NameLevel[] = ['exact', 'variant', 'nickname'];
const EXACT_FAMILY: readonly NameLevel[] = ['exact', 'variant'];

export interface ParentsAgreement {
  weight: number;
  /** The most the parents given could have added: part of the query's best possible score. */
  max: number;
  /** Every parent given agrees as written (or by a recognised nickname or spelling); true when none was given. */
  allExact: boolean;
  reasons: string[];
}

interface OneParent {
  weight: number;
  exact: boolean;
  reason: string;
}

function compareOne(query: ParentName, recorded: readonly RecordedParent[]): { max: number; found: OneParent | null; missing: string } | null {
  const hasGiven = nameTokens(query.given).length > 0;
  const hasFamily = nameTokens(query.family).length > 0;
  const max = hasGiven && hasFamily ? PARENT_WEIGHTS.fullName : hasFamily ? PARENT_WEIGHTS.familyOnly : hasGiven ? PARENT_WEIGHTS.givenOnly : 0;
  if (!max) return null;
  const what = hasGiven && hasFamily ? 'name' : hasFamily ? 'family name' : 'given name';
  let found: OneParent | null = null;
  for (const parent of recorded) {
    const names = [{ givenNames: parent.givenNames, familyName: parent.familyName, alias: false }, ...parent.aliases.map((a) => ({ ...a, alias: true }))];
    for (const name of names) {
      const given: NameAgreement | null = hasGiven ? compareGiven(query.given, name.givenNames) : null;
      const family: NameAgreement | null = hasFamily ? compareFamily(query.family, name.familyName) : null;
      if ((given && !GOOD_NAME.includes(given.level)) || (family && !GOOD_NAME.includes(family.level))) continue;
      const exact = (!given || EXACT_GIVEN.includes(given.level)) && (!family || EXACT_FAMILY.includes(family.level));
      const weight = max * (exact ? 1 : PARENT_WEIGHTS.closeFactor);
      if (found && found.weight >= weight) continue;
      const who = `${parent.relation}'s ${what}`;
      const how = exact
        ? `${who} matches`
        : `${who} is close (${[family, given].filter((a): a is NameAgreement => a !== null && a.level !== 'exact').map((a) => a.reason).join(', ')})`;
      found = { weight, exact, reason: name.alias ? `${how}, as a previous name` : how };
    }
  }
  const missing = recorded.length ? `no recorded parent has the ${what} given` : 'no parent recorded to compare with the one given';
  return { max, found, missing };
}

export function compareParents(query: readonly ParentName[], recorded: readonly RecordedParent[]): ParentsAgreement {
  const result: ParentsAgreement = { weight: 0, max: 0, allExact: true, reasons: [] };
  for (const parent of query) {
    const one = compareOne(parent, recorded);
    if (!one) continue;
    result.max += one.max;
    if (one.found) {
      result.weight += one.found.weight;
      result.reasons.push(one.found.reason);
    } else result.reasons.push(one.missing);
    if (!one.found?.exact) result.allExact = false;
  }
  return result;
}
