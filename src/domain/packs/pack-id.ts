import { isOneOf } from '../choices.js';
/** The policy packs: one per partnership whose procedures Convene implements (RULES.md). */
export const PACK_IDS = [
  'national',
  'hertfordshire',
  'staffordshire',
  'pan-dorset',
  'nottinghamshire',
  'newcastle',
] as const;

export type PackId = (typeof PACK_IDS)[number];

export function isPackId(value: string): value is PackId {
  return isOneOf(PACK_IDS, value);
}
