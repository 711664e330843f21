import { defineArea } from '../rule-entry.js';
import { herts, notts } from '../sources.js';

export const UNBORN_RULES = defineArea('UB', [
  {
    id: 'UB1',
    title: 'Recording an unborn child',
    summary:
      'An unborn child is recorded straight away with a surname and the expected date of delivery; after the birth, the name and date of birth are confirmed and put on every record.',
    kind: 'enforced',
    sources: [herts('§ 8 Unborn Baby')],
  },
  {
    id: 'UB2',
    title: 'Plan before birth',
    summary:
      'The plan begins before the birth, the core group meets before the birth if it can and in any case before the baby goes home, and the plan includes the discharge home. Midwifery is invited (IN2).',
    kind: 'prompted',
    sources: [herts('§ 8 Unborn Baby'), notts('midwifery invitations')],
  },
]);
