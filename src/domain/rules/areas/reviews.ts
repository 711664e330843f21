import { defineArea } from '../rule-entry.js';
import { dorset, herts, newcastle } from '../sources.js';

export const REVIEW_RULES = defineArea('RV', [
  {
    id: 'RV1',
    title: 'What a review decides',
    summary:
      'A review decides in so many words whether significant harm is still likely for the child (DC1), looks again at the category and measures progress against the previous plan.',
    kind: 'enforced',
    sources: [herts('§ 1 Review Child Protection Conference'), dorset('2.139–2.141')],
  },
  {
    id: 'RV2',
    title: 'Bringing a review forward',
    summary:
      'A review is brought forward for a newly substantiated incident, a failing plan, a baby due in the household, a risky person joining it, an unexpected major change, a looked-after child possibly going back to the old circumstances, or a core group that thinks the plan could end. New section 47 concerns about a child on a plan are reported to the chair, who is consulted.',
    kind: 'prompted',
    parameters: { newcastle: { iroConsultedOnBringingForward: 'who, when and what they said; for every child on a plan (004 2.2.9)' } },
    sources: [herts('§ 1 Review Child Protection Conference'), dorset('Pan-Dorset note after 2.60'), newcastle('2.2.9')],
  },
  {
    id: 'RV3',
    title: 'Reports to a review',
    summary:
      'Every core group member reports to the review, or the core group sends one joint report; core group minutes may stand as a pre-meeting report.',
    kind: 'prompted',
    sources: [herts('§ 2 Review Conferences'), dorset('2.142'), newcastle('5.3.5')],
  },
  {
    id: 'RV4',
    title: 'After a designated review keeps a plan: legal advice and a briefing',
    summary:
      'When a designated review keeps a plan, legal advice is sought so no child stays in chronic difficulty indefinitely, and service managers receive a briefing note with the reasons the plan continues.',
    kind: 'prompted',
    sources: [newcastle('7.1.6'), newcastle('7.3.8')],
  },
]);
