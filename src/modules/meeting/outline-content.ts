import { emptyOutlinePlan, type OutlinePlanContent } from '../../domain/conference/outline-plan.js';
import type { OutlinePlanRow } from './meeting-state.js';

/** The stored outline plan as the domain reads it; an empty one where none is saved yet. */
export function outlineContent(row: OutlinePlanRow | null): OutlinePlanContent {
  if (!row) return emptyOutlinePlan();
  return {
    riskStatement: row.riskStatement,
    aim: row.aim,
    outcomes: row.outcomes,
    shortTermObjectives: row.shortTermObjectives,
    longTermObjectives: row.longTermObjectives,
    actions: row.actions,
    nonNegotiables: row.nonNegotiables,
    immediateActions: row.immediateActions,
    visitFrequencyWeeks: row.visitFrequencyWeeks,
    contingency: row.contingency,
    endConditions: row.endConditions,
    explainedToChild: row.explainedToChild,
    familyLanguage: row.familyLanguage,
    familyCopyArrangements: row.familyCopyArrangements,
  };
}
