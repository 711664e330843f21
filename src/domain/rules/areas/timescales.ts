import { PACK_IDS, type PackId } from '../../packs/pack-id.js';
import { effectiveParameter, ruleCitation } from '../../packs/index.js';
import { RULE_AREAS, type RuleEntry } from '../rule-entry.js';
import { TIMESCALE_TESTS } from './timescale-tests.js';

/** Our wording of each TS rule; the figures live in the packs (src/domain/packs). */
const WORDING: Readonly<Record<string, { title: string; summary: string }>> = {
  TS1: {
    title: 'Initial conference after the strategy discussion',
    summary: 'The initial conference is held a set number of working days after the strategy discussion that started section 47 enquiries.',
  },
  TS2: {
    title: 'Transfer-in conference',
    summary: 'After notice that a child with a plan has moved here for good, the transfer-in conference is held within a set number of working days.',
  },
  TS3: {
    title: 'Pre-birth conference window',
    summary: 'A pre-birth conference falls between 13 and 24 weeks of pregnancy, sooner if an early birth is likely, and within 15 working days of deciding to hold it.',
  },
  TS4: {
    title: 'Before an emergency protection order runs out',
    summary: 'Where it can be arranged, the initial conference takes place before an emergency protection order expires; a booking after expiry is warned about.',
  },
  TS5: {
    title: 'First review',
    summary: 'The first review is within 3 months of the initial conference, or of a transfer-in conference that makes a plan.',
  },
  TS6: {
    title: 'Later reviews',
    summary: 'Each later review is no more than 6 months after the one before.',
  },
  TS7: {
    title: 'Designated review at about 21 months',
    summary: 'A child still on a plan at the 4th review has a designated review, and the chair briefs service managers in writing.',
  },
  TS8: {
    title: 'First core group',
    summary: 'The first core group meets within 10 working days of the initial conference (in Nottinghamshire, of any conference that keeps a plan).',
  },
  TS9: {
    title: 'Later core groups',
    summary: 'Later core groups meet at the interval the conference sets, or the pack\'s ceiling where it has one.',
  },
  TS10: {
    title: 'Decisions sent out',
    summary: 'The decisions (outcome, category, lead social worker, core group, outline plan) reach every invitee within the pack\'s limit.',
  },
  TS11: {
    title: 'Minutes or chair\'s record sent out',
    summary: 'The minutes or the chair\'s summary record are distributed within the pack\'s limit after the conference.',
  },
  TS12: {
    title: 'Social work report to the chair',
    summary: 'The social work report reaches the chair a set time before an initial conference and before a review.',
  },
  TS13: {
    title: 'Social work report shared with the family',
    summary: 'Parents, and older children, see the social work report a set time before an initial conference and before a review.',
  },
  TS14: {
    title: 'Agency reports to the chair',
    summary: 'Agency reports reach the chair (in Nottinghamshire, the social worker) a set time before the conference.',
  },
  TS15: {
    title: 'Agency reports shared with parents',
    summary: 'Parents see agency reports a set time before an initial conference and before a review.',
  },
  TS16: {
    title: 'Reports for parents who need more time',
    summary: 'A parent with a learning disability, or who needs a translation, gets the reports at least 7 days ahead.',
  },
  TS17: {
    title: 'Observer requests',
    summary: 'A request for an observer reaches the chair or co-ordinator ahead of the conference by the pack\'s deadline.',
  },
  TS18: {
    title: 'Exclusion requests',
    summary: 'A request to exclude a family member reaches the chair at least 3 days ahead where that is possible.',
  },
  TS19: {
    title: 'Review invitations',
    summary: 'Invitations to a review go out at least 2 weeks before it.',
  },
  TS20: {
    title: 'Reconvening after adjournment',
    summary: 'A conference adjourned for missing crucial information meets again within 15 working days, with an interim safety plan meanwhile.',
  },
  TS21: {
    title: 'After the chair overrules',
    summary: 'When the chair overrules, senior managers are consulted and any further conference is held within 4 weeks.',
  },
  TS22: {
    title: 'Reconvening after a disputed ending',
    summary: 'If an ending awaiting an absent key professional\'s agreement leads to a reconvened conference, it is within 4 weeks of the original one.',
  },
  TS23: {
    title: 'Ending at an inquorate conference',
    summary: 'Views on ending a plan at an inquorate conference are sought in writing within 10 working days, with replies due 10 working days after that.',
  },
  TS24: {
    title: 'Statutory visits',
    summary: 'The social worker sees each child on a plan at least as often as the pack\'s interval or the plan\'s own, whichever is shorter.',
  },
  TS25: {
    title: 'Plan ends at 18',
    summary: 'A plan ends by the child\'s 18th birthday, with a review planned before then.',
  },
  TS26: {
    title: 'Child in need after a plan',
    summary: 'A child stepped down to child in need stays allocated for at least 3 months after the conference, or has the child in need plan reviewed at least every 6 months, depending on the pack.',
  },
  TS27: {
    title: 'Detailed plan updates',
    summary: 'The detailed plan is updated at each core group and distributed within 5 days.',
  },
  TS28: {
    title: 'Conference slot',
    summary: 'Timings around the meeting: a target length, the family meeting the chair beforehand, professionals arriving early.',
  },
  TS29: {
    title: 'Booking steps',
    summary: 'The diary co-ordinator hears of the decision to convene the same day, and invitation requests go out the next working day after the date is set.',
  },
  TS30: {
    title: 'Authorising a late conference',
    summary: 'A conference held later than TS1 or TS2 allows needs written authorisation with reasons, and the risk monitoring in the meantime is recorded.',
  },
};

export const TS_IDS = Object.keys(WORDING);

function timescaleEntry(id: string): RuleEntry {
  const wording = WORDING[id];
  if (!wording) throw new Error(`No wording for ${id}`);
  const parameters = {} as Record<PackId, unknown | null>;
  const sources = new Set<string>();
  for (const pack of PACK_IDS) {
    parameters[pack] = effectiveParameter(pack, id);
    const citation = ruleCitation(pack, id);
    if (citation !== null) sources.add(citation);
  }
  const tests = TIMESCALE_TESTS[id] ?? [];
  return {
    id,
    ...wording,
    area: 'TS',
    areaTitle: RULE_AREAS.TS,
    kind: 'enforced',
    status: tests.length > 0 ? 'implemented' : 'planned',
    parameters,
    appliesTo: PACK_IDS.filter((pack) => parameters[pack] !== null),
    sources: [...sources],
    tests: [...tests],
    judgement: null,
  };
}

/** Parameters and citations come from the packs, so the registry can never disagree with them. */
export const TIMESCALE_RULES: RuleEntry[] = TS_IDS.map(timescaleEntry);
