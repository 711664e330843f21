import { defineArea } from '../rule-entry.js';
import { dorset, herts, notts, staffs } from '../sources.js';

export const DECISION_RULES = defineArea('DC', [
  {
    id: 'DC1',
    title: 'Significant harm test per child',
    summary:
      'At every initial and review conference, each subject child is weighed separately on two questions, harm already suffered and harm likely in future. A plan is made or kept only when future significant harm is judged likely; past harm alone never makes or keeps a plan.',
    kind: 'enforced',
    sources: [herts('§ 8 Threshold for a Child Protection Plan'), dorset('2.101–2.103'), dorset('2.141')],
  },
  {
    id: 'DC2',
    title: 'Views on the need for a plan',
    summary:
      'Each practitioner says whether a plan is needed, why, and under which category, and the views are recorded with names. In Pan-Dorset each agency gives a single view.',
    kind: 'recorded',
    parameters: { national: { viewsGivenBy: 'each practitioner' }, 'pan-dorset': { viewsGivenBy: 'each agency, one view' } },
    sources: [staffs('At the Conference'), dorset('Pan-Dorset note after 2.105')],
  },
  {
    id: 'DC3',
    title: 'The chair\'s decision',
    summary:
      'The chair makes the decision, seeking consensus, and any dissent is recorded with the name and view. In Pan-Dorset the decision follows the unanimous or majority agency view, the chair breaks a tie, and the chair may overrule only to make or keep a plan, which starts TS21.',
    kind: 'enforced',
    parameters: {
      national: { decidedBy: 'chair, aiming for consensus' },
      'pan-dorset': {
        decidedBy: 'unanimous or majority agency view',
        tieBreak: 'chair',
        chairOverrule: 'only to make or keep a plan (TS21)',
      },
    },
    sources: [
      herts('§ 8 Agreeing to a Child Protection Plan'),
      herts('§ 9 Professional Disagreement at/ arising from Child Protection Conference'),
      dorset('Pan-Dorset note after 2.105'),
      notts('chair\'s responsibilities'),
    ],
  },
  {
    id: 'DC4',
    title: 'Category of abuse or neglect',
    summary:
      'The category is physical, emotional or sexual abuse, or neglect. Hertfordshire and Nottinghamshire allow one per child; Pan-Dorset allows several. The first and the latest category are both kept, and a change needs stated grounds.',
    kind: 'enforced',
    parameters: {
      national: { categoriesPerChild: 'one or more' },
      hertfordshire: { categoriesPerChild: 'one' },
      'pan-dorset': { categoriesPerChild: 'one or more' },
      nottinghamshire: { categoriesPerChild: 'one' },
    },
    sources: [herts('§ 8 Category of Abuse or Neglect'), dorset('2.105'), dorset('2.152')],
  },
  {
    id: 'DC5',
    title: 'Outcome per child',
    summary:
      'Each child gets one outcome: a plan; no plan but a recommended child in need plan; no plan and no further action; decision put off by adjournment (TS20); or a recommendation of legal action. If a later decision changes a child\'s outcome, the reason is recorded for that child.',
    kind: 'enforced',
    sources: [herts('§ 7 Chairing of Conference'), herts('§ 8 Actions and Decisions of the Conference'), dorset('Pan-Dorset note after 2.105')],
  },
  {
    id: 'DC6',
    title: 'What a plan decision must name',
    summary:
      'A plan names the lead social worker (or the team manager as contact), the core group, the first core group date (TS8), the review date (TS5, TS6) with what would bring it forward, and the outline plan (PL1).',
    kind: 'enforced',
    sources: [herts('§ 7 Chairing of Conference'), dorset('2.109'), notts('the outline child protection plan')],
  },
  {
    id: 'DC7',
    title: 'Complaints route when parents disagree',
    summary: 'If parents do not accept the decision, the chair tells them how to complain.',
    kind: 'enforced',
    sources: [herts('§ 7 Chairing of Conference')],
  },
  {
    id: 'DC8',
    title: 'Children\'s centre told about an under-5',
    summary:
      'For a child under five the conference records whether the local children\'s centre is informed, which needs the parents\' permission, or why it is not.',
    kind: 'enforced',
    sources: [herts('Appendix 1 Children with Child Protection Plans who attend Children\'s Centres')],
  },
]);
