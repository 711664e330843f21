/**
 * Blocking keys: the index entries a person is filed under and the ones an enquiry looks up, so
 * candidates come from an index and never from a scan. A person is found when any one of these
 * agrees, so any single error (a misspelt given name, a misspelt family name, a wrong or missing
 * date of birth) still leaves a key in common:
 *   n: family sound + given sound      (date of birth wrong, unknown or approximate)
 *   f: family sound + date of birth    (given name wrong, or a nickname not in the table)
 *   g: given sound + date of birth     (family name wrong or changed)
 *   p: postcode + family sound         (given name and date of birth both off, at a known address)
 * Names are keyed by their Double Metaphone codes after nicknames and transliterations are mapped
 * to their formal spelling; dates with month and day in either order (a swap finds the same key).
 * The enquiry also looks up its names the other way round (given and family swapped).
 */
import { dobBlockingKey, parseIsoDate } from './dates.js';
import { familyNameForms, givenNameForms } from './names.js';
import { familyForms, nameTokens, normalisePostcode } from './normalise.js';
import { phoneticCodes } from './phonetic.js';

export interface KeyedName {
  givenNames: string;
  familyName: string;
}

export interface KeySource {
  names: KeyedName[];
  dateOfBirth: string | null;
  postcodes: string[];
}

/**
 * Names repeat (a million people share a few thousand given and family names), and their codes
 * are most of the cost of keying a bulk load, so each name's codes are kept once worked out. Pure:
 * the same name always has the same codes; bounded, emptied when full.
 */
function remembered(compute: (name: string) => string[]): (name: string) => string[] {
  const known = new Map<string, readonly string[]>();
  return (name) => {
    let codes = known.get(name);
    if (!codes) {
      if (known.size >= 50_000) known.clear();
      codes = Object.freeze(compute(name));
      known.set(name, codes);
    }
    return [...codes];
  };
}

export const givenCodes = remembered((givenNames) => {
  const codes = new Set<string>();
  for (const token of nameTokens(givenNames)) for (const form of givenNameForms(token)) for (const c of phoneticCodes(form)) codes.add(c);
  return [...codes];
});

export const familyCodes = remembered((familyName) => {
  const { whole, tokens } = familyForms(familyName);
  const parts = tokens.length > 1 ? [whole, ...tokens] : tokens;
  const codes = new Set<string>();
  for (const part of parts) for (const form of familyNameForms(part)) for (const c of phoneticCodes(form)) codes.add(c);
  return [...codes];
});

/** Every key a person (or an enquiry) produces; de-duplicated and sorted. */
export function blockingKeys(source: KeySource): string[] {
  const keys = new Set<string>();
  const dob = source.dateOfBirth && parseIsoDate(source.dateOfBirth) ? dobBlockingKey(source.dateOfBirth) : null;
  const allFamily = new Set<string>();
  for (const name of source.names) {
    const fam = familyCodes(name.familyName);
    const giv = givenCodes(name.givenNames);
    for (const f of fam) {
      allFamily.add(f);
      for (const g of giv) keys.add(`n:${f}:${g}`);
      if (dob) keys.add(`f:${f}:${dob}`);
    }
    if (dob) for (const g of giv) keys.add(`g:${g}:${dob}`);
  }
  for (const raw of source.postcodes) {
    const pc = normalisePostcode(raw);
    if (pc) for (const f of allFamily) keys.add(`p:${pc}:${f}`);
  }
  return [...keys].sort();
}

/** The keys an enquiry looks up: its names both ways round. */
export function queryBlockingKeys(query: { given: string; family: string; dob?: string | null; postcode?: string | null }): string[] {
  return blockingKeys({
    names: [
      { givenNames: query.given, familyName: query.family },
      { givenNames: query.family, familyName: query.given },
    ],
    dateOfBirth: query.dob ?? null,
    postcodes: query.postcode ? [query.postcode] : [],
  });
}

/**
 * The keys that find the parents an enquiry names (their own names, both ways round, and the
 * postcode given with the family name), so their children can be candidates even when the child's
 * own names were given wrong. A parent's date of birth is never asked, so no date key.
 */
export function parentBlockingKeys(parents: readonly { given: string; family: string }[], postcode?: string | null): string[] {
  const keys = new Set<string>();
  for (const parent of parents) {
    if (!parent.given.trim() || !parent.family.trim()) continue; // half a name is too little to find a parent by
    for (const key of queryBlockingKeys({ given: parent.given, family: parent.family, postcode: postcode ?? null })) keys.add(key);
  }
  return [...keys].sort();
}
