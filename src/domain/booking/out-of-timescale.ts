import { effectiveParameter } from '../packs/index.js';
import type { PackId } from '../packs/pack-id.js';

/**
 * TS30: a conference later than its timescale needs written authorisation; where the pack names
 * two people (hertfordshire, newcastle, nottinghamshire), two different people sign it. Pure: the
 * caller gives the signatures so far.
 */
export interface Signature {
  userId: string;
  name: string;
  note: string;
  at: string;
}

export function signaturesNeeded(pack: PackId): { count: 1 | 2; by: string } {
  const p = effectiveParameter(pack, 'TS30');
  if (p && p.unit === 'authorisation') return { count: p.signatories ?? 1, by: p.by };
  return { count: 1, by: 'a service manager' };
}

export type Signing =
  | { outcome: 'approved' }
  | { outcome: 'awaiting-second' }
  | { outcome: 'refused' }
  | { outcome: 'same-person' };

/** What a signature does: refuse at once; approve when it is the last one needed; never two by one person. */
export function sign(existing: readonly Signature[], needed: 1 | 2, decision: 'approved' | 'refused', userId: string): Signing {
  if (decision === 'refused') return { outcome: 'refused' };
  if (existing.some((s) => s.userId === userId)) return { outcome: 'same-person' };
  return existing.length + 1 >= needed ? { outcome: 'approved' } : { outcome: 'awaiting-second' };
}
