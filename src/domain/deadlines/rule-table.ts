import { PACKS, describeParameter, effectiveParameter, ruleCitation } from '../packs/index.js';
import { PACK_IDS, type PackId } from '../packs/pack-id.js';
import { TS_RULE_IDS, isTsRuleId, type TsParameter, type TsRuleId } from '../packs/types.js';
import { DeadlineInputError, NotApplicableError } from './errors.js';
import { RULE_FACTS, type RuleFact } from './rule-facts.js';

/** Everything the engine needs about one rule in one pack, resolved once at start. */
export interface ResolvedRule {
  readonly ruleId: TsRuleId;
  readonly pack: PackId;
  readonly packName: string;
  readonly parameter: TsParameter;
  readonly source: string;
  readonly fact: RuleFact;
}

const TABLE = new Map<string, Map<string, ResolvedRule>>();
for (const pack of PACK_IDS) {
  const rules = new Map<string, ResolvedRule>();
  for (const ruleId of TS_RULE_IDS) {
    const parameter = effectiveParameter(pack, ruleId);
    const source = ruleCitation(pack, ruleId);
    if (parameter && source) {
      rules.set(ruleId, { ruleId, pack, packName: PACKS[pack].name, parameter, source, fact: RULE_FACTS[ruleId] });
    }
  }
  TABLE.set(pack, rules);
}

/** Whether the pack (or `national` under it) sets the rule: asked before computing, where a missing rule is no error. */
export function ruleInPack(pack: string, ruleId: string): boolean {
  return TABLE.get(pack)?.has(ruleId) ?? false;
}

/** The rule as it stands in the pack, or the error a person would need to read. */
export function resolveRule(pack: string, ruleId: string): ResolvedRule {
  const rules = TABLE.get(pack);
  if (!rules) {
    throw new DeadlineInputError(`There is no policy pack "${pack}"; the packs are ${PACK_IDS.join(', ')}.`);
  }
  const rule = rules.get(ruleId);
  if (rule) return rule;
  if (!isTsRuleId(ruleId)) {
    throw new DeadlineInputError(`There is no timescale rule "${ruleId}"; the rules are TS1 to TS30.`);
  }
  const name = PACKS[pack as PackId].name;
  const setBy = PACK_IDS.filter((id) => TABLE.get(id)?.has(ruleId)).map((id) => PACKS[id].name);
  const where = setBy.length > 0 ? `it is set only in ${setBy.join(', ')}` : 'no pack sets it';
  const why = pack === 'national' ? 'it is not a national rule' : `neither the ${name} procedure nor the national one sets it`;
  throw new NotApplicableError(`${ruleId} does not apply in ${name}: ${why} (${where}).`, 'not-in-pack');
}

/** Why a rule that is in the pack still has no date to compute. */
export function noDueDate(rule: ResolvedRule): NotApplicableError {
  const p = rule.parameter;
  const where = `${rule.ruleId} in ${rule.packName}`;
  if (p.unit === 'authorisation') {
    return new NotApplicableError(
      `${where} is not a date: booking beyond ${p.appliesTo.join(' or ')} needs ${describeParameter(p)}. ` +
        `Compute the ${p.appliesTo.join(' or ')} deadline and check the booked date with needsOutOfTimescaleAuthorisation.`,
      'no-due-date',
    );
  }
  const extra = p.note ? ` ${p.note}` : '';
  return new NotApplicableError(`${where} has no date to count: the pack says ${describeParameter(p)}.${extra}`, 'no-due-date');
}
