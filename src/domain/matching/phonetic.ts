import { doubleMetaphone } from 'double-metaphone';
import { remember } from './remember.js';

/** Double Metaphone codes of a normalised name token (primary, and alternate when it differs). */
export const phoneticCodes = remember((token: string): readonly string[] => {
  if (!token) return [];
  const [primary, alternate] = doubleMetaphone(token);
  const codes = [primary || token.toUpperCase()];
  if (alternate && alternate !== codes[0]) codes.push(alternate);
  return codes;
});

export function soundAlike(a: string, b: string): boolean {
  const codes = phoneticCodes(b);
  return phoneticCodes(a).some((c) => codes.includes(c));
}
