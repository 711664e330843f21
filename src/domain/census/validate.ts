import { Temporal } from 'temporal-polyfill';
import { formatDate } from '../deadlines/index.js';
import type { CensusChild, CensusYear } from './census-model.js';
import { censusCategory } from './census-model.js';
import {
  c04InitialConferenceOnWeekend, c06PlanStartsOnInitialConference, c07PlanEndsAfterStart, c08PlansOverlap, c09ReviewInsidePlan, c12DatedAfterClosure,
  cinPlanBreaches, type CensusBreach,
} from './rules.js';

/**
 * The Department's checks that touch what Convene records (CENSUS.md, "Checks the Department
 * applies"), in our words. Each failure names the child, the rule and the field, so the report can
 * link to the page that fixes it. `query` failures are the Department's queries: they are shown,
 * and do not stop an export.
 */
export interface CensusFailure {
  rule: string;
  severity: 'error' | 'query';
  personId: string;
  laChildId: string | null;
  message: string;
}

export { CENSUS_RULES } from './rules.js';

const CATEGORY = new Set(['NEG', 'PHY', 'SAB', 'EMO', 'MUL']);

export function validateCensus(children: readonly CensusChild[], year: CensusYear, workingDaysBetween: (from: string, to: string) => number): CensusFailure[] {
  const failures: CensusFailure[] = [];
  for (const child of children) {
    // Messages read as English: dates in words, never ISO.
    const fail = (rule: string, message: string, severity: 'error' | 'query' = 'error') =>
      failures.push({ rule, severity, personId: child.personId, laChildId: child.laChildId, message: message.replace(/\d{4}-\d{2}-\d{2}/g, (iso) => formatDate(Temporal.PlainDate.from(iso))) });
    // The checks shared with data entry (rules.ts) return their own breach, already in words.
    const breach = (found: CensusBreach | null) => {
      if (found) fail(found.rule, found.message);
    };
    if (!child.laChildId || child.laChildId.length > 20 || !/^[A-Za-z0-9]+$/.test(child.laChildId)) fail('C01', 'The child has no valid LA child id: give one of up to 20 letters and digits on the person record.');
    if (Boolean(child.personBirthDate) === Boolean(child.expectedPersonBirthDate)) fail('C02', 'Record either the date of birth or, for an unborn child, the expected date of delivery (not both, not neither).');
    const unborn = !child.personBirthDate && Boolean(child.expectedPersonBirthDate);
    if (!['M', 'F', 'U'].includes(child.sex ?? '') || (unborn && child.sex !== 'U')) fail('C03', unborn ? 'An unborn child’s sex is recorded as U (not known).' : 'Record the child’s sex as M, F or U.');

    const allPlans = child.episodes.flatMap((e) => e.plans).sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
    for (let i = 1; i < allPlans.length; i++) breach(c08PlansOverlap(allPlans[i]!, allPlans[i - 1]!));

    for (const e of child.episodes) {
      if (Boolean(e.closureDate) !== Boolean(e.reasonForClosure)) fail('C14', 'The episode has a closure date without a reason, or a reason without a date.');
      const icpcs = [...e.section47s.flatMap((s) => (s.dateOfInitialCpc ? [s.dateOfInitialCpc] : [])), ...(e.dateOfInitialCpc ? [e.dateOfInitialCpc] : [])];
      for (const s of e.section47s) {
        if (s.dateOfInitialCpc) breach(c04InitialConferenceOnWeekend(s.dateOfInitialCpc, 'held'));
        if (s.initialCpcTarget) breach(c04InitialConferenceOnWeekend(s.initialCpcTarget, 'due'));
        if (s.dateOfInitialCpc && s.dateOfInitialCpc < e.referralDate) fail('C05', `The initial conference on ${s.dateOfInitialCpc} is before the referral on ${e.referralDate}.`);
        if (s.startDate < e.referralDate) fail('C16', `The section 47 started ${s.startDate}, before the referral on ${e.referralDate}.`);
        if (s.dateOfInitialCpc && s.startDate > s.dateOfInitialCpc) fail('C16', `The section 47 started ${s.startDate}, after its initial conference on ${s.dateOfInitialCpc}.`);
        if (!s.dateOfInitialCpc && !s.icpcNotRequired && s.startDate <= year.referenceDate && workingDaysBetween(s.startDate, year.referenceDate) > 15) {
          fail('C17', `The section 47 that started ${s.startDate} has no initial conference and is not marked as needing none.`, 'query');
        }
      }
      if (e.dateOfInitialCpc) breach(c04InitialConferenceOnWeekend(e.dateOfInitialCpc, 'held'));
      for (const p of e.plans) {
        breach(c06PlanStartsOnInitialConference(p.startDate, icpcs));
        breach(c07PlanEndsAfterStart(p));
        for (const r of p.reviewDates) breach(c09ReviewInsidePlan(r, p));
        for (const [which, categories] of [['initial', p.initialCategories], ['latest', p.latestCategories]] as const) {
          const code = censusCategory(categories);
          if (!code || !CATEGORY.has(code)) fail('C10', `The plan that started ${p.startDate} has no valid ${which} category.`);
        }
        if (p.numberOfPreviousCpp === null || p.numberOfPreviousCpp < 0) fail('C11', `The plan that started ${p.startDate} has no count of previous plans.`);
        if (child.personDeathDate && (p.startDate > child.personDeathDate || (p.endDate !== null && p.endDate > child.personDeathDate))) {
          fail('C15', `The plan that started ${p.startDate} is dated after the child’s death on ${child.personDeathDate}.`);
        }
      }
      for (const [i, c] of e.cinPlans.entries()) {
        for (const found of cinPlanBreaches(c, { referralDate: e.referralDate, closureDate: e.closureDate, otherCinPlans: e.cinPlans.filter((_, j) => j !== i), childProtectionPlans: allPlans })) breach(found);
      }
      if (e.referralNfa && (e.assessments.length || e.cinPlans.length || e.section47s.length || e.plans.length)) {
        fail('C13', 'The referral was closed with no further action, yet an assessment, child in need plan, section 47 or plan follows it in the same episode.');
      }
      if (e.closureDate) {
        const dates = [
          ...e.assessments.flatMap((a) => [a.startDate, a.authorisationDate]), ...e.cinPlans.flatMap((c) => [c.startDate, c.endDate]), ...e.section47s.flatMap((s) => [s.startDate, s.dateOfInitialCpc]),
          ...e.plans.flatMap((p) => [p.startDate, p.endDate, ...p.reviewDates]), e.dateOfInitialCpc,
        ].filter((d): d is string => Boolean(d));
        const late = dates.sort().at(-1);
        if (late) breach(c12DatedAfterClosure(late, e.closureDate));
      }
    }
  }
  return failures;
}
