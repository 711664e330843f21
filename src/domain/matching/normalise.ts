/**
 * Name and postcode normalisation for the enquiry matcher: pure, no I/O.
 * A name becomes lower-case ASCII letters in tokens: diacritics folded (Zoë → zoe, Łukasz →
 * lukasz), apostrophes dropped (O'Brien → obrien), hyphens and other punctuation split tokens
 * (Smith-Jones → smith, jones), and the Scottish/Irish prefixes Mc and M' read as Mac.
 */

import { remember } from './remember.js';

const FOLD: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ð: 'd', ı: 'i' };

/** Lower-case ASCII with diacritics folded; any other character becomes a space. */
export const foldText = remember((value: string): string =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[łøđßæœþðı]/g, (c) => FOLD[c] ?? c)
    .replace(/['’‘`ʼ]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim(),
);

function macPrefix(token: string): string {
  if (/^mc[a-z]{2,}/.test(token)) return `mac${token.slice(2)}`;
  return token;
}

/** The tokens of a name, normalised; empty when the name has no letters (any other script, say). */
export const nameTokens = remember((value: string): readonly string[] =>
  foldText(value)
    .split(' ')
    .filter((t) => /^[a-z]+$/.test(t))
    .map(macPrefix),
);

/** A family name read whole (Smith-Jones → smithjones) and token by token. */
export const familyForms = remember((value: string): { whole: string; tokens: readonly string[] } => {
  const tokens = nameTokens(value);
  return { whole: tokens.join(''), tokens };
});

/** UK postcode normalised: upper case, no spaces (SW1A 1AA → SW1A1AA); null if it has no letters or digits. */
export function normalisePostcode(value: string | null | undefined): string | null {
  if (!value) return null;
  const compact = value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return compact.length >= 2 ? compact : null;
}

/** The outward code and sector of a normalised postcode (SW1A1AA → SW1A 1). */
export function postcodeSector(normalised: string): string | null {
  if (normalised.length < 5) return null;
  return `${normalised.slice(0, -3)} ${normalised.slice(-3, -2)}`;
}

/** The outward code of a normalised postcode (SW1A1AA → SW1A). */
export function postcodeDistrict(normalised: string): string | null {
  if (normalised.length < 5) return null;
  return normalised.slice(0, -3);
}
