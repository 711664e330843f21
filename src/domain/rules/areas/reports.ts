import { defineArea } from '../rule-entry.js';
import { dorset, herts, newcastle, notts, staffs } from '../sources.js';

export const REPORT_RULES = defineArea('RP', [
  {
    id: 'RP1',
    title: 'Social work report per subject child',
    summary:
      'Each subject child has its own social work report covering chronology, family structure, lived experience, developmental needs, parenting capacity, family and environment, the wishes of child and family, analysis, the authority\'s recommendation and when the child was seen (and seen alone). A review report adds progress on each part of the last plan, visit dates per child and proposed changes.',
    kind: 'recorded',
    sources: [
      herts('§ 6 Social Work Report'),
      dorset('2.94–2.96'),
      notts('the social work report'),
      newcastle('2.2.2'),
    ],
  },
  {
    id: 'RP2',
    title: 'Agency report contents',
    summary:
      'An agency report gives at least the organisation, author and role, contact details, conference date, child and family details, the agency\'s involvement, health and development, other adults, concerns, strengths, the child\'s views, parenting capacity and analysis; for a review, also what happened since the last conference, its results and any new concerns.',
    kind: 'recorded',
    sources: [staffs('Prior to the Conference'), staffs('Review Child Protection Conference')],
  },
  {
    id: 'RP3',
    title: 'Fact, observation, allegation, opinion',
    summary:
      'Every contribution keeps fact, observation, allegation and opinion apart and flags information that came second-hand.',
    kind: 'prompted',
    sources: [staffs('Review Child Protection Conference'), dorset('2.100'), newcastle('5.5.7')],
  },
  {
    id: 'RP4',
    title: 'Confidential section',
    summary:
      'Material the family must not see, such as police or criminal-record information, third-party details, a protected source or legal advice, goes into a confidential section; the chair decides how it is presented and the reasons are kept.',
    kind: 'enforced',
    sources: [
      herts('§ 5 Exclusion of Family Members from a Conference'),
      herts('§ 6 Information for Conference'),
      notts('contacting the co-ordinator before the conference'),
      newcastle('5.5.2'),
      newcastle('8.1.3'),
    ],
  },
  {
    id: 'RP5',
    title: 'Reports shared with the family',
    summary:
      'Parents see the reports in advance (TS13, TS15, TS16) and in their own language; the factual errors and disagreements they raise are recorded, and (Pan-Dorset) their copy is marked as the family copy.',
    kind: 'enforced',
    parameters: { 'pan-dorset': { parentsCopyMarked: 'family copy' } },
    sources: [herts('§ 6 Social Work Report'), dorset('Pan-Dorset note after 2.100'), newcastle('5.2.4')],
  },
  {
    id: 'RP6',
    title: 'Family\'s own views',
    summary: 'Family members may put their views to the conference in writing or as a recording.',
    kind: 'recorded',
    sources: [herts('§ 3 Parent / Carer Provision of Information to the Conference'), dorset('2.99')],
  },
]);
