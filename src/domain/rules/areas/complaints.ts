import { defineArea } from '../rule-entry.js';
import { dorset, herts, newcastle, notts } from '../sources.js';

export const COMPLAINT_RULES = defineArea('CO', [
  {
    id: 'CO1',
    title: 'Family complaint about a conference',
    summary:
      'A family complaint about process, category or the plan decision goes first to the chair informally, then to the authority\'s complaints procedure with an inter-agency panel, which if it upholds the complaint reconvenes the conference under another chair, and finally to a review panel.',
    kind: 'recorded',
    sources: [herts('§ 12 Complaints by Service Users')],
  },
  {
    id: 'CO2',
    title: 'Professional dissent and escalation',
    summary:
      'The chair records dissent. A professional who thinks the decision leaves the child less safe escalates through their manager or designated lead to the service manager, who confirms the decision or brings the review forward; the partnership chair is the last resort.',
    kind: 'recorded',
    sources: [
      herts('§ 9 Professional Disagreement at/ arising from Child Protection Conference'),
      notts('Appendix 13 Independent Chair Service dissent process'),
    ],
  },
  {
    id: 'CO3',
    title: 'Practice concerns raised by the chair',
    summary:
      'The chair takes up practice concerns, such as poor preparation or a plan that is stuck, with social care or partner agencies and records how each was settled.',
    kind: 'recorded',
    sources: [notts('concerns resolution'), newcastle('2.1.11')],
  },
  {
    id: 'CO4',
    title: "A family's request for a change of worker",
    summary:
      "A family's request for a different worker is recorded and answered with reasons, and agreed where that serves the child.",
    kind: 'recorded',
    sources: [dorset('2.162')],
  },
]);
