import type { TsRuleId } from '../packs/types.js';

export interface RuleFact {
  /** The fact the rule counts from, as it reads after "the": "strategy discussion". */
  readonly fact: string;
  readonly direction: 'after' | 'before';
}

/**
 * What each TS rule counts from — the contract of `convene deadline --from` — and which way.
 * The numbers live in the packs; this is the part every pack shares.
 */
export const RULE_FACTS: Readonly<Record<TsRuleId, RuleFact>> = {
  TS1: { fact: 'strategy discussion', direction: 'after' },
  TS2: { fact: 'receipt of notice that the child moved in', direction: 'after' },
  TS3: { fact: 'expected date of delivery', direction: 'before' },
  TS4: { fact: 'expiry of the emergency protection order', direction: 'before' },
  TS5: { fact: 'initial conference', direction: 'after' },
  TS6: { fact: 'previous review conference', direction: 'after' },
  TS7: { fact: 'initial conference', direction: 'after' },
  TS8: { fact: 'conference', direction: 'after' },
  TS9: { fact: 'last core group', direction: 'after' },
  TS10: { fact: 'conference', direction: 'after' },
  TS11: { fact: 'conference', direction: 'after' },
  TS12: { fact: 'conference', direction: 'before' },
  TS13: { fact: 'conference', direction: 'before' },
  TS14: { fact: 'conference', direction: 'before' },
  TS15: { fact: 'conference', direction: 'before' },
  TS16: { fact: 'conference', direction: 'before' },
  TS17: { fact: 'conference', direction: 'before' },
  TS18: { fact: 'conference', direction: 'before' },
  TS19: { fact: 'review conference', direction: 'before' },
  TS20: { fact: 'adjourned conference', direction: 'after' },
  TS21: { fact: "chair's overrule", direction: 'after' },
  TS22: { fact: 'original conference', direction: 'after' },
  TS23: { fact: 'inquorate conference', direction: 'after' },
  TS24: { fact: 'last visit', direction: 'after' },
  TS25: { fact: 'date of birth', direction: 'after' },
  TS26: { fact: 'conference', direction: 'after' },
  TS27: { fact: 'core group', direction: 'after' },
  TS28: { fact: 'conference start', direction: 'before' },
  TS29: { fact: 'decision to convene', direction: 'after' },
  TS30: { fact: 'booked conference date', direction: 'after' },
};
