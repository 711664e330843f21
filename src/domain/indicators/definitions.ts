import { INDICATOR_RULES } from '../rules/areas/indicators.js';

/**
 * What each performance indicator (KP1 to KP10) counts, in words: the rules it checks, and for
 * each of its measures the title, definition and the labels of the two figures. Written once here,
 * as data, one measure a line; the indicator's own title is its entry's in the rule registry
 * (rules/areas/indicators.ts). `indicators.ts` counts the items and its `indicator()` puts the
 * two together.
 */
export interface MeasureDefinition {
  /** The measure's name within its indicator; its key is `KP1.icpc`. */
  readonly name: string;
  /** The rule the measure checks (TS1, TS5 …). */
  readonly rule: string;
  readonly title: string;
  readonly definition: string;
  readonly numeratorLabel: string;
  readonly denominatorLabel: string;
}

export interface IndicatorDefinition {
  readonly rules: readonly string[];
  /** In the order the report shows them. */
  readonly measures: readonly MeasureDefinition[];
}

export const INDICATOR_DEFINITIONS = {
  KP1: { rules: ['TS1', 'TS2'], measures: [
    { name: 'icpc', rule: 'TS1', title: 'Initial conferences held within timescale', numeratorLabel: 'held by the due date', denominatorLabel: 'children at initial conferences held', definition: 'Children whose initial (or pre-birth) conference was held in the period, counted once per child, and of those the ones held on or before the due date worked out when it was convened: TS1, 15 working days from the strategy discussion (TS3 for an unborn child where earlier).' },
    { name: 'transfer-in', rule: 'TS2', title: 'Transfer-in conferences held within timescale', numeratorLabel: 'held by the due date', denominatorLabel: 'children at transfer-in conferences held', definition: 'Children whose transfer-in conference was held in the period, and of those the ones held within 15 working days of the notice that they moved in (TS2).' },
  ] },
  KP2: { rules: ['TS5', 'TS6'], measures: [
    { name: 'reviews', rule: 'TS5/TS6', title: 'Reviews held within timescale', numeratorLabel: 'held by the due date', denominatorLabel: 'reviews due', definition: 'Reviews that fell due in the period for children on a plan (the first within 3 months of the conference that made the plan, TS5; each later one within 6 months of the last, TS6), and of those the ones held by that date.' },
  ] },
  KP3: { rules: ['TS8', 'TS9'], measures: [
    { name: 'first', rule: 'TS8', title: 'First core groups within 10 working days', numeratorLabel: 'met by the due date', denominatorLabel: 'first core groups due', definition: 'Plans whose first core group fell due in the period (10 working days after the conference that made the plan, TS8), and of those the ones where it met by then.' },
    { name: 'later', rule: 'TS9', title: 'Later core groups within the interval set', numeratorLabel: 'met by the due date', denominatorLabel: 'later core groups due', definition: 'Core groups that fell due in the period at the interval the previous core group (or the pack) set (TS9), and of those the ones held by then. A meeting with no interval recorded is not counted.' },
  ] },
  KP4: { rules: ['TS10', 'TS11'], measures: [
    { name: 'decisions', rule: 'TS10', title: 'Decisions circulated within timescale', numeratorLabel: 'sent in time', denominatorLabel: 'conferences held', definition: 'Conferences held in the period, and of those the ones whose decisions sheet was first sent within the pack’s TS10 timescale (1 working day; 24 hours in newcastle).' },
    { name: 'record', rule: 'TS11', title: 'Records distributed within timescale', numeratorLabel: 'sent in time', denominatorLabel: 'conferences held', definition: 'Conferences held in the period, and of those the ones whose approved record was first sent within the pack’s TS11 timescale (10 working days; 25 in newcastle).' },
  ] },
  KP5: { rules: ['TS12', 'TS13', 'TS14', 'TS15'], measures: [
    { name: 'chair', rule: 'TS12/TS14', title: 'Reports received by the chair in time', numeratorLabel: 'received in time', denominatorLabel: 'reports expected', definition: 'Social work and agency reports for conferences held in the period, and of those the ones submitted to the chair by the pack’s TS12 (social work) or TS14 (agency) time before the conference.' },
    { name: 'family', rule: 'TS13/TS15', title: 'Reports shared with parents in time', numeratorLabel: 'shared in time', denominatorLabel: 'reports to share', definition: 'Social work and agency reports for conferences held in the period that the pack requires to be shared with parents, and of those the ones first shared by the TS13 (social work) or TS15 (agency) time.' },
  ] },
  KP6: { rules: ['TS24'], measures: [
    { name: 'visits', rule: 'TS24', title: 'Children seen within their visit frequency', numeratorLabel: 'always seen in time', denominatorLabel: 'children on plans', definition: 'Children on a plan at any time in the period with a visit frequency, and of those the ones seen (not merely visited) within the frequency throughout the period: never overdue for a visit on any day of it, whenever that visit fell due (TS24).' },
  ] },
  KP7: { rules: ['TS7'], measures: [
    { name: 'ended-2-years', rule: 'KP7', title: 'Plans ending after 2 years or more', numeratorLabel: 'lasted 2 years or more', denominatorLabel: 'plans ended', definition: 'Plans that ended in the period, and of those the ones that had lasted 2 years or more (the Department’s measure; England 2025: 4.4%).' },
    { name: 'ended-21-months', rule: 'KP7', title: 'Plans ending after 21 months or more', numeratorLabel: 'lasted 21 months or more', denominatorLabel: 'plans ended', definition: 'Plans that ended in the period, and of those the ones that had lasted 21 months or more (about the 4th review).' },
    { name: 'open-21-months', rule: 'KP7', title: 'Open plans running 21 months or more', numeratorLabel: '21 months or more', denominatorLabel: 'plans open', definition: 'Plans open at the end of the period (or today, if sooner), and of those the ones that had run 21 months or more by then.' },
    { name: 'designated', rule: 'TS7', title: 'Designated reviews held', numeratorLabel: 'held as designated reviews', denominatorLabel: '4th reviews held', definition: 'Where the pack has TS7 (newcastle), plans whose 4th review was held in the period, and of those the ones held as a designated review.' },
  ] },
  KP8: { rules: ['KP8'], measures: [
    { name: 'repeat', rule: 'KP8', title: 'Second or later plans', numeratorLabel: 'second or later plans', denominatorLabel: 'plans started', definition: 'Plans that started in the period, and of those the ones for a child who had any earlier plan, however long ago (census NumberOfPreviousCPP above 0, or an earlier plan in Convene).' },
    { name: 'within-2-years', rule: 'KP8', title: 'New plans within 2 years of the last', numeratorLabel: 'within 2 years of the last', denominatorLabel: 'plans started', definition: 'Plans that started in the period, and of those the ones starting within 2 years of the end of the child’s previous plan held in Convene.' },
  ] },
  KP9: { rules: ['CV7', 'TS30'], measures: [
    { name: 'changed', rule: 'CV7', title: 'Conferences cancelled or rearranged', numeratorLabel: 'cancelled or rearranged', denominatorLabel: 'conferences held or cancelled', definition: 'Conferences held or cancelled in the period, and of those the ones cancelled or rearranged at least once; the reasons recorded are listed with each (CV7).' },
    { name: 'ts30', rule: 'TS30', title: 'Late initial conferences authorised', numeratorLabel: 'authorised', denominatorLabel: 'held late', definition: 'Initial and transfer-in conferences held in the period after their due date, and of those the ones a service manager authorised in writing beforehand, with reasons and risk monitoring (TS30).' },
  ] },
  KP10: { rules: ['CF1', 'IN5', 'IN6'], measures: [
    { name: 'quorate', rule: 'CF1', title: 'Decisions made at a quorate conference', numeratorLabel: 'quorate', denominatorLabel: 'children decided on', definition: 'Children decided on at conferences held in the period, and of those the ones whose conference was quorate for them (CF1: children’s social care and two other agencies with direct contact).' },
    { name: 'parents', rule: 'IN1', title: 'Conferences a parent attended', numeratorLabel: 'a parent attended', denominatorLabel: 'conferences with parents expected', definition: 'Conferences held in the period at which parents or carers were expected, and of those the ones at least one attended.' },
    { name: 'child', rule: 'IN5', title: 'Children who took part', numeratorLabel: 'took part', denominatorLabel: 'children assessed', definition: 'Subject children old enough to take part at conferences held in the period, and of those the ones who attended for all or part, or whose views reached the conference another way (IN5).' },
    { name: 'advocacy', rule: 'IN6', title: 'Advocacy take-up', numeratorLabel: 'accepted', denominatorLabel: 'offered', definition: 'Children offered an independent advocate for a conference held in the period, and of those the ones who accepted (IN6).' },
  ] },
} as const satisfies Record<string, IndicatorDefinition>;

export type IndicatorId = keyof typeof INDICATOR_DEFINITIONS;

/** The names of one indicator's measures, e.g. 'icpc' | 'transfer-in' for KP1. */
export type MeasureName<I extends IndicatorId> = (typeof INDICATOR_DEFINITIONS)[I]['measures'][number]['name'];

/** An indicator's title, as the rule registry names it ('Initial conferences on time' for KP1). */
export function indicatorTitle(id: IndicatorId): string {
  const entry = INDICATOR_RULES.find((r) => r.id === id);
  if (!entry) throw new Error(`No rule registry entry for ${id}`);
  return entry.title;
}
