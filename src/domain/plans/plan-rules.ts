import type { PackId } from '../packs/pack-id.js';

/**
 * What the packs say about life on a plan beyond the TS figures: who chairs a core group (CG1),
 * what the first core group counts from (TS8), who may end a looked-after child's plan by
 * consultation (EN2), who is told when a plan ends (EN4). Data keyed by pack, never scattered
 * `if (pack === …)` in code; a pack silent here inherits `national`.
 */
export interface PlanPackRules {
  /** CG1: the team manager chairs one of the first N core groups after the initial conference (0 = no such rule). */
  readonly teamManagerChairsOneOfFirst: number;
  /** TS8: the first core group is counted from every conference that keeps the plan, not only the initial one. */
  readonly firstCoreGroupAfterEveryConference: boolean;
  /** TS8/TS9: the chair sees core groups overdue or due soon on the plans they chaired, to challenge them (newcastle `004` 2.1.7). */
  readonly chairAlertedToLateCoreGroups: boolean;
  /** EN2: ending a looked-after child's plan by written consultation instead of a review; null = only by a review. */
  readonly lookedAfterConsultation: null | {
    /** Everyone consulted must not object (hertfordshire) … */
    readonly noObjection: boolean;
    /** … and at least this many other agencies agree (nottinghamshire). */
    readonly agenciesAgreeing: number;
    /** Two service managers decide together (hertfordshire). */
    readonly secondServiceManager: boolean;
    readonly citation: string;
  };
  /** EN4: who is told beyond the initial conference's invitees. */
  readonly notifyGp: boolean;
  readonly notifyLatestConferenceInviteesOnLookedAfterRoute: boolean;
  /** EN3/EN6 (pan-dorset): the first-review and absent-key-professional conditions. */
  readonly firstReviewEndingRestricted: boolean;
  readonly endingWaitsForAbsentProfessional: boolean;
  /** RV2: a reason to bring a looked-after child's review forward is also taken to their IRO, and that is recorded (newcastle). */
  readonly iroConsultedOnBringForward: null | { readonly citation: string };
  readonly citations: { readonly coreGroup: string; readonly ending: string };
}

const NATIONAL: PlanPackRules = {
  teamManagerChairsOneOfFirst: 0,
  firstCoreGroupAfterEveryConference: false,
  chairAlertedToLateCoreGroups: false,
  lookedAfterConsultation: null,
  notifyGp: false,
  notifyLatestConferenceInviteesOnLookedAfterRoute: false,
  firstReviewEndingRestricted: false,
  endingWaitsForAbsentProfessional: false,
  iroConsultedOnBringForward: null,
  citations: { coreGroup: '002_61563a3284bb8811.txt § 2.118–2.121', ending: '002_61563a3284bb8811.txt § 2.143–2.145' },
};

export const PLAN_PACK_RULES: Record<PackId, PlanPackRules> = {
  national: NATIONAL,
  staffordshire: NATIONAL,
  hertfordshire: {
    ...NATIONAL,
    lookedAfterConsultation: {
      noObjection: true, agenciesAgreeing: 0, secondServiceManager: true,
      citation: '000_94fab553c2db9a47.txt § 8 Discontinuing the Child Protection Plan',
    },
    notifyLatestConferenceInviteesOnLookedAfterRoute: true,
    citations: { coreGroup: '000_94fab553c2db9a47.txt § 7 Chairing of Conference', ending: '000_94fab553c2db9a47.txt § 8 Discontinuing the Child Protection Plan' },
  },
  'pan-dorset': {
    ...NATIONAL,
    firstReviewEndingRestricted: true,
    endingWaitsForAbsentProfessional: true,
    citations: { coreGroup: NATIONAL.citations.coreGroup, ending: '002_61563a3284bb8811.txt § Pan-Dorset notes after 2.143 and 2.145' },
  },
  nottinghamshire: {
    ...NATIONAL,
    teamManagerChairsOneOfFirst: 2,
    firstCoreGroupAfterEveryConference: true,
    lookedAfterConsultation: {
      noObjection: false, agenciesAgreeing: 1, secondServiceManager: false,
      citation: '003_16eb1834ae885591.txt § looked-after children and ending the plan',
    },
    notifyGp: true,
    notifyLatestConferenceInviteesOnLookedAfterRoute: true,
    citations: { coreGroup: '003_16eb1834ae885591.txt § core groups', ending: '003_16eb1834ae885591.txt § ending the child protection plan' },
  },
  newcastle: {
    ...NATIONAL,
    chairAlertedToLateCoreGroups: true,
    iroConsultedOnBringForward: { citation: '004_4d62ad76775b45eb.txt § 2.2.9' },
    citations: { coreGroup: '004_4d62ad76775b45eb.txt § Standard 5, 5.3.1', ending: NATIONAL.citations.ending },
  },
};

export function planRules(pack: PackId): PlanPackRules {
  return PLAN_PACK_RULES[pack];
}
