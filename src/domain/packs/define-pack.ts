import type { PackId } from './pack-id.js';
import type { Pack, PackRule, TsParameter, TsRuleId } from './types.js';

/** States one rule of a pack: the section of the pack's procedure it comes from, and what it says. */
export type Cite = (section: string, parameter: TsParameter) => PackRule;

type Rules = Pack['rules'];

/**
 * A pack drawn from one procedure file. Every rule it declares cites a section of that file,
 * as `<file> § <section>`, the section in the procedure's own words; `cite` writes that citation
 * so that each pack states only the section and the parameter.
 */
export function definePack(pack: { readonly id: PackId; readonly name: string; readonly source: string }, rules: (cite: Cite) => Rules): Pack {
  const cite: Cite = (section, parameter) => ({ parameter, citation: `${pack.source} § ${section}` });
  return { ...pack, rules: rules(cite) };
}

/**
 * Rules a pack declares in the very words of another pack drawn from the same text (Pan-Dorset
 * restates the Working Together paragraphs that national cites). They stay declared by the pack
 * itself, not inherited, because the pack's own procedure says them.
 */
export function sameAs(base: Pack, ruleIds: readonly TsRuleId[]): Rules {
  return Object.fromEntries(
    ruleIds.map((ruleId) => {
      const rule = base.rules[ruleId];
      if (!rule) throw new Error(`${base.id} declares no ${ruleId} to restate`);
      return [ruleId, rule];
    }),
  );
}
