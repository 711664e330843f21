import type { PackId } from '../packs/pack-id.js';
import type { AgencyId } from './agencies.js';

/**
 * What each partnership says about running the meeting, deciding and recording, as data
 * (ARCHITECTURE.md: packs are data). A pack silent on something inherits `national`.
 * The timescales themselves (TS8, TS10, TS11, TS20–TS23) stay in src/domain/packs.
 */
export interface MeetingRules {
  quorum: {
    /** CF1: agencies other than children's social care, present, with direct contact with the child. */
    otherAgenciesWithDirectContact: number;
    /** CF2: agencies that must be present for a child whose conference is an initial one. */
    requiredAtInitial: readonly AgencyId[];
    citation: string;
  };
  views: {
    /** DC2: one view per practitioner, or one per agency. */
    givenBy: 'each-practitioner' | 'each-agency';
    /** DC3: the chair decides aiming for consensus, or the decision follows the agencies' majority. */
    decidedBy: 'chair' | 'agency-majority';
    /** DC3: whether the chair may overrule the majority, and only to make or keep a plan (TS21). */
    chairMayOverruleToPlan: boolean;
    citation: string;
  };
  /** DC4: whether a child may have more than one category. */
  severalCategories: boolean;
  /** TS8: the first core group follows the initial conference only, or any conference where a plan continues. */
  firstCoreGroupAfter: 'initial' | 'any-plan';
  inquorate: {
    /** CF1: a plan continued at an inquorate conference is reviewed early. */
    earlyReviewIfPlan: boolean;
    /** CF1 (Pan-Dorset): the chair writes to the missing agencies for their view. */
    writeToMissingAgencies: boolean;
    /** TS23 (Hertfordshire): an ended plan waits for written views, in two steps of working days. */
    discontinuationNeedsWrittenViews: boolean;
  };
  record: {
    /** RC1: when full minutes are taken rather than the chair's record. */
    fullMinutes: 'hertfordshire-list' | 'always';
    /** RC2 (Pan-Dorset): the record also holds the analysis of risk, dissents and the contingency plan. */
    addsRiskDissentsAndContingency: boolean;
    /** RC4: whose consent allows the record to be shared onward, as a code the notice and its translations key on. */
    onwardSharingConsentFrom: OnwardSharingConsent;
    citation: string;
  };
}

/** RC4: who may consent to the record going further: the chair everywhere, and in Pan-Dorset the lead professional too. */
export type OnwardSharingConsent = 'chair' | 'chair-or-lead-professional';

const HERTS = '000_94fab553c2db9a47.txt';
const DORSET = '002_61563a3284bb8811.txt';

const national: MeetingRules = {
  quorum: { otherAgenciesWithDirectContact: 2, requiredAtInitial: [], citation: `${DORSET} § 2.88 and 2.141` },
  views: { givenBy: 'each-practitioner', decidedBy: 'chair', chairMayOverruleToPlan: false, citation: `${HERTS} § 8 Agreeing to a Child Protection Plan` },
  severalCategories: true,
  firstCoreGroupAfter: 'initial',
  inquorate: { earlyReviewIfPlan: true, writeToMissingAgencies: false, discontinuationNeedsWrittenViews: false },
  record: {
    fullMinutes: 'always',
    addsRiskDissentsAndContingency: false,
    onwardSharingConsentFrom: 'chair',
    citation: `${DORSET} § 2.112–2.114`,
  },
};

const OVERRIDES: Partial<Record<PackId, (base: MeetingRules) => MeetingRules>> = {
  hertfordshire: (base) => ({
    ...base,
    quorum: { ...base.quorum, requiredAtInitial: ['childrens-social-care', 'police'], citation: `${HERTS} § 2 Quorate Conferences; § 2 Initial Conferences` },
    severalCategories: false,
    inquorate: { ...base.inquorate, discontinuationNeedsWrittenViews: true },
    record: { ...base.record, fullMinutes: 'hertfordshire-list', citation: `${HERTS} § 10 Administrative Arrangements` },
  }),
  'pan-dorset': (base) => ({
    ...base,
    quorum: { ...base.quorum, citation: `${DORSET} § Pan Dorset note on quoracy after 2.88` },
    views: { givenBy: 'each-agency', decidedBy: 'agency-majority', chairMayOverruleToPlan: true, citation: `${DORSET} § Pan-Dorset decision making process after 2.105` },
    inquorate: { ...base.inquorate, writeToMissingAgencies: true },
    record: {
      ...base.record,
      addsRiskDissentsAndContingency: true,
      onwardSharingConsentFrom: 'chair-or-lead-professional',
      citation: `${DORSET} § 2.112–2.114 and the Pan Dorset notes`,
    },
  }),
  nottinghamshire: (base) => ({ ...base, severalCategories: false, firstCoreGroupAfter: 'any-plan' }),
};

export function meetingRules(pack: PackId): MeetingRules {
  const override = OVERRIDES[pack];
  return override ? override(national) : national;
}
