import { defineArea } from '../rule-entry.js';
import { dorset, herts, notts } from '../sources.js';

export const TRANSFER_RULES = defineArea('TR', [
  {
    id: 'TR1',
    title: 'Transfer in',
    summary:
      'On notice from another authority we record a temporary plan, work with the originating lead social worker, invite them and ask for a report, and hold the transfer-in conference (TS2). A plan made there is reviewed within three months, and the old plan ends only after a full assessment of the new situation.',
    kind: 'enforced',
    sources: [herts('§ 1 Transfer In Conference')],
  },
  {
    id: 'TR2',
    title: 'Transfer out',
    summary: 'We notify the receiving authority, and our plan stays in place until its conference has decided.',
    kind: 'enforced',
    sources: [dorset('2.143'), notts('ending the child protection plan')],
  },
  {
    id: 'TR3',
    title: "Children on another authority's plan",
    summary:
      "Emergency action for a child on another authority's plan is taken with that authority consulted, and responsibility passes only on its written acceptance; for a child living here temporarily, changes there are recorded and local agencies told.",
    kind: 'enforced',
    sources: [dorset('2.56'), notts('temporary residents')],
  },
]);
