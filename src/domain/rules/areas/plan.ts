import { defineArea } from '../rule-entry.js';
import { dorset, herts, newcastle, notts } from '../sources.js';

export const PLAN_RULES = defineArea('PL', [
  {
    id: 'PL1',
    title: 'Outline plan per child',
    summary:
      'Each child\'s outline plan states the risk (what harm, from whom), the aim, outcomes, short- and long-term objectives, and actions with an owner (family members too; job titles for professionals), a timescale and a checker. It also says what is non-negotiable, what is urgent, how often the social worker visits, the contingency plan and what must change for the plan to end.',
    kind: 'recorded',
    sources: [herts('§ 8 \'Outline\' Child Protection Plan'), dorset('2.110'), dorset('2.125'), notts('the outline child protection plan')],
  },
  {
    id: 'PL2',
    title: 'Detailed plan and revised plan',
    summary:
      'The core group works the outline into a detailed plan and updates it at every meeting; each review conference produces a revised plan.',
    kind: 'recorded',
    sources: [dorset('2.118–2.124'), notts('the detailed child protection plan')],
  },
  {
    id: 'PL3',
    title: 'Plan explained to child and family',
    summary:
      'The plan is explained to the child, and agreed, in a way that fits age and understanding; the family receives it in writing in its own language.',
    kind: 'prompted',
    sources: [dorset('2.126–2.129'), notts('explaining the plan to the family')],
  },
  {
    id: 'PL4',
    title: "The plan meets the child's identity and family needs",
    summary:
      "The plan covers the child's culture (diet, disability, personal care), language and faith and how gaps are met; contact with the birth family is discussed at every conference; a family group conference is considered.",
    kind: 'prompted',
    sources: [newcastle('3.1.7'), newcastle('6.1.2–6.1.3')],
  },
]);
