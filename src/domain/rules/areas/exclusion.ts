import { defineArea } from '../rule-entry.js';
import { dorset, herts, notts } from '../sources.js';

export const EXCLUSION_RULES = defineArea('EX', [
  {
    id: 'EX1',
    title: 'Grounds for excluding a family member',
    summary:
      'A family member may be kept out of all or part of a conference only on a listed ground: risk to the child, violent, threatening, discriminatory or unfit behaviour, the child\'s request, silencing another participant, confidential material, danger to others from what is said, or conflict within the family. A pending prosecution is not a ground by itself.',
    kind: 'enforced',
    sources: [herts('§ 5 Exclusion of Family Members from a Conference'), dorset('2.90–2.91'), dorset('Pan-Dorset note after 2.91')],
  },
  {
    id: 'EX2',
    title: 'Exclusion request and the chair\'s decision',
    summary:
      'The request gives the ground and the evidence; the chair\'s decision is final and may follow legal advice; decision and period are recorded, and an exclusion never carries over to the next conference by itself.',
    kind: 'enforced',
    sources: [herts('§ 5 Exclusion of Family Members from a Conference')],
  },
  {
    id: 'EX3',
    title: 'What an excluded parent receives',
    summary:
      'An excluded parent is told in writing how to give views, hear the outcome and complain, and gets the social work report and the decisions. The chair decides whether the record they receive is complete or covers only what they attended, on grounds of safety, third-party information, a criminal investigation or legal reasons.',
    kind: 'enforced',
    sources: [herts('§ 5 Exclusion of Family Members from a Conference')],
  },
  {
    id: 'EX4',
    title: 'Supporter leaves with the parent',
    summary: 'When a parent is asked to leave the meeting, their supporter goes too.',
    kind: 'enforced',
    sources: [notts('exclusion and supporters')],
  },
]);
