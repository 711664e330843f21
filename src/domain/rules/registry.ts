import type { PackId } from '../packs/pack-id.js';
import { COMPLAINT_RULES } from './areas/complaints.js';
import { CONDUCT_RULES } from './areas/conduct.js';
import { CONVENING_RULES } from './areas/convening.js';
import { CORE_GROUP_RULES } from './areas/core-group.js';
import { DECISION_RULES } from './areas/decisions.js';
import { ENDING_RULES } from './areas/ending.js';
import { EXCLUSION_RULES } from './areas/exclusion.js';
import { FRONT_DOOR_RULES } from './areas/front-door.js';
import { INDICATOR_RULES } from './areas/indicators.js';
import { INVITATION_RULES } from './areas/invitations.js';
import { PLAN_RULES } from './areas/plan.js';
import { RECORD_RULES } from './areas/records.js';
import { REGISTER_RULES } from './areas/register.js';
import { REPORT_RULES } from './areas/reports.js';
import { REVIEW_RULES } from './areas/reviews.js';
import { TIMESCALE_RULES } from './areas/timescales.js';
import { TRANSFER_RULES } from './areas/transfers.js';
import { UNBORN_RULES } from './areas/unborn.js';
import type { RuleEntry } from './rule-entry.js';

import { IMPLEMENTED_TESTS } from './implemented.js';
import { JUDGEMENTS } from './judgements.js';

export type { RuleArea, RuleEntry, RuleKind, RuleStatus } from './rule-entry.js';
export { RULE_AREAS } from './rule-entry.js';

/** Every rule of RULES.md, in the catalogue's order. */
/** A rule with tests in IMPLEMENTED_TESTS is implemented; its tests join any it already names. */
function withImplementation(rule: RuleEntry): RuleEntry {
  const tests = IMPLEMENTED_TESTS[rule.id];
  const judged = { ...rule, judgement: JUDGEMENTS[rule.id] ?? rule.judgement };
  return tests ? { ...judged, status: 'implemented', tests: [...new Set([...rule.tests, ...tests])] } : judged;
}

export const RULES: readonly RuleEntry[] = Object.freeze([
  ...FRONT_DOOR_RULES,
  ...TIMESCALE_RULES,
  ...CONVENING_RULES,
  ...INVITATION_RULES,
  ...REPORT_RULES,
  ...EXCLUSION_RULES,
  ...CONDUCT_RULES,
  ...DECISION_RULES,
  ...PLAN_RULES,
  ...CORE_GROUP_RULES,
  ...REVIEW_RULES,
  ...ENDING_RULES,
  ...TRANSFER_RULES,
  ...UNBORN_RULES,
  ...RECORD_RULES,
  ...REGISTER_RULES,
  ...COMPLAINT_RULES,
  ...INDICATOR_RULES,
].map(withImplementation));

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function getRule(id: string): RuleEntry | undefined {
  return BY_ID.get(id);
}

/** The rules that apply in a pack (see RuleEntry.appliesTo), in catalogue order. */
export function rulesForPack(pack: PackId): RuleEntry[] {
  return RULES.filter((rule) => rule.appliesTo.includes(pack));
}

/** A registry entry as served by the CLI and API; with a pack, only that pack's parameter. */
export type RuleJson = Omit<RuleEntry, 'parameters'> & { parameters: Partial<Record<PackId, unknown>> };

/**
 * The registry as plain JSON data (a deep copy, safe to serialise or hand out).
 * With `pack`: only the rules that apply there, each carrying that pack's parameter alone.
 */
export function toJson(pack?: PackId): RuleJson[] {
  const rules = pack === undefined ? RULES : rulesForPack(pack);
  const shaped = rules.map((rule) =>
    pack === undefined ? rule : { ...rule, parameters: { [pack]: rule.parameters[pack] } },
  );
  return JSON.parse(JSON.stringify(shaped)) as RuleJson[];
}
