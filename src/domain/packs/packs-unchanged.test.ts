import { describe, expect, it } from 'vitest';
import { PACKS, PACK_IDS, TS_RULE_IDS, declaredParameter, effectiveParameter, parameterOrigin, ruleCitation } from './index.js';

/*
 * Every pack in full, as declared and as resolved after inheriting national, against a snapshot
 * committed before the pack files were rewritten to build one pack from another. A pack file may
 * change how it states its rules; this fails if any figure, note, qualifier or citation moves,
 * or if a rule a pack declared itself becomes inherited (or the other way round).
 */
describe('the packs, value for value', () => {
  for (const pack of PACK_IDS) {
    it(`${pack}: declared rules and every rule in force`, () => {
      const resolved = Object.fromEntries(
        TS_RULE_IDS.map((ruleId) => [
          ruleId,
          {
            declared: declaredParameter(pack, ruleId),
            origin: parameterOrigin(pack, ruleId),
            inForce: effectiveParameter(pack, ruleId),
            citation: ruleCitation(pack, ruleId),
          },
        ]),
      );
      expect({ pack: PACKS[pack], resolved }).toMatchSnapshot();
    });
  }
});
