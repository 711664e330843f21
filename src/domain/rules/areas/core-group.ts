import { defineArea } from '../rule-entry.js';
import { dorset, newcastle, notts } from '../sources.js';

export const CORE_GROUP_RULES = defineArea('CG', [
  {
    id: 'CG1',
    title: 'Core group membership and record',
    summary:
      'The core group is the lead social worker, who chairs it, the child where suitable, family members, and the professionals and foster carers in direct contact. Its record keeps decisions, actions and the written views of those absent.',
    kind: 'enforced',
    parameters: { nottinghamshire: { teamManagerChairs: 'the first or second core group after the initial conference' } },
    sources: [dorset('2.118–2.121'), notts('the core group')],
  },
  {
    id: 'CG2',
    title: 'Plan action that cannot be carried out',
    summary:
      'A professional who cannot do their part of the plan, for instance because access to the child is refused, tells their own manager and the lead social worker.',
    kind: 'prompted',
    sources: [dorset('Pan-Dorset note after 2.121')],
  },
  {
    id: 'CG3',
    title: 'Statutory visits recorded per child',
    summary:
      'Every social work visit to a child on a plan is recorded for that child as seen or not seen, and whether seen alone. Missed visit frequency (TS24) is flagged to the team manager, whose approval with reasons is needed to change the frequency.',
    kind: 'enforced',
    sources: [notts('statutory visits'), newcastle('7.1.3')],
  },
]);
