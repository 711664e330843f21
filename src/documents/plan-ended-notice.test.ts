import { describe, expect, it } from 'vitest';
import { CONTINUING_SUPPORT_LABELS, ENDING_ROUTE_LABELS } from '../domain/plans/ending.js';
import { english, translator } from './family-language.js';

/** Issue 14: the plan-ending notice's English comes from the translation file, so it must say what the screens say. */
describe('plan-ending notice wording', () => {
  it('the English file names every route and every kind of continuing help as the domain labels do, and Polish has each', () => {
    for (const [route, label] of Object.entries(ENDING_ROUTE_LABELS)) {
      expect(english().t(`planEnded.route.${route}`)).toBe(label);
      expect(translator('pl').t(`planEnded.route.${route}`)).not.toBe(label);
    }
    for (const [support, label] of Object.entries(CONTINUING_SUPPORT_LABELS)) {
      expect(english().t(`planEnded.continuingSupport.${support}`)).toBe(label);
      expect(translator('pl').t(`planEnded.continuingSupport.${support}`)).not.toBe(label);
    }
  });
});
