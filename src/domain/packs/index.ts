import { hertfordshire } from './hertfordshire.js';
import { national } from './national.js';
import { newcastle } from './newcastle.js';
import { nottinghamshire } from './nottinghamshire.js';
import { panDorset } from './pan-dorset.js';
import type { PackId } from './pack-id.js';
import { staffordshire } from './staffordshire.js';
import { isTsRuleId, type Pack, type PackRule, type TsParameter } from './types.js';

export { describeParameter } from './describe.js';
export { PACK_IDS, isPackId, type PackId } from './pack-id.js';
export { TS_RULE_IDS, isTsRuleId } from './types.js';
export type { Annotated, Duration, Pack, PackRule, TsParameter, TsRuleId } from './types.js';

export const PACKS: Record<PackId, Pack> = {
  national,
  hertfordshire,
  staffordshire,
  'pan-dorset': panDorset,
  nottinghamshire,
  newcastle,
};

export function getPack(id: PackId): Pack {
  return PACKS[id];
}

function declaredRule(pack: PackId, ruleId: string): PackRule | null {
  if (!isTsRuleId(ruleId)) return null;
  return PACKS[pack].rules[ruleId] ?? null;
}

/** What the pack's own procedure says for the rule, or null where it is silent. */
export function declaredParameter(pack: PackId, ruleId: string): TsParameter | null {
  return declaredRule(pack, ruleId)?.parameter ?? null;
}

/**
 * The pack whose words apply: the pack itself, or `national` where the pack is silent.
 * Null means the rule does not apply in this pack.
 */
export function parameterOrigin(pack: PackId, ruleId: string): PackId | null {
  if (declaredRule(pack, ruleId)) return pack;
  if (declaredRule('national', ruleId)) return 'national';
  return null;
}

/** The parameter in force for the pack after inheriting `national`; null = not applicable in this pack. */
export function effectiveParameter(pack: PackId, ruleId: string): TsParameter | null {
  const origin = parameterOrigin(pack, ruleId);
  return origin ? declaredParameter(origin, ruleId) : null;
}

/** Where the parameter in force is written: the pack's own section, or the national paragraph it inherits. */
export function ruleCitation(pack: PackId, ruleId: string): string | null {
  const origin = parameterOrigin(pack, ruleId);
  return origin ? (declaredRule(origin, ruleId)?.citation ?? null) : null;
}
