import { defineArea } from '../rule-entry.js';
import { dorset, herts, newcastle, notts } from '../sources.js';

export const ENDING_RULES = defineArea('EN', [
  {
    id: 'EN1',
    title: 'When a plan ends',
    summary:
      'A plan ends when a review finds the child no longer likely to suffer significant harm, when the child has moved for good and the new authority has held its own conference, or when the child turns 18, dies or leaves the UK permanently; those last three are closed by a service manager without a conference.',
    kind: 'enforced',
    sources: [herts('§ 8 Discontinuing the Child Protection Plan'), dorset('2.143'), notts('ending the child protection plan')],
  },
  {
    id: 'EN2',
    title: 'Ending the plan of a looked-after child',
    summary:
      'When a looked-after child is out of the situation that needed the plan and is not going back, the plan may end at a review or through written consultation; the care plan then carries the remaining risks, and a later return home means considering a new initial conference (TS1). Hertfordshire and Nottinghamshire set who is consulted and who must agree.',
    kind: 'enforced',
    parameters: {
      hertfordshire: {
        consulted: 'chair and everyone invited to the initial and the latest conference',
        agreedBy: 'both service managers, only if nobody objects',
      },
      nottinghamshire: { agreedBy: 'at least one other agency' },
    },
    sources: [herts('§ 8 Discontinuing the Child Protection Plan'), notts('looked-after children and ending the plan')],
  },
  {
    id: 'EN3',
    title: 'Ending at the first review (Pan-Dorset)',
    summary:
      'In Pan-Dorset a plan ends at the first review only in the exceptional situations listed, after the child\'s own view has been heard, and once the core assessment is complete and reported.',
    kind: 'enforced',
    appliesTo: ['pan-dorset'],
    parameters: {
      'pan-dorset': {
        firstReviewEndingOnlyWhen: [
          'child no longer cared for by the person posing the risk, with permanency planning',
          'pre-birth plan for the youngest sibling after sustained progress',
          'transfer-in where the assessment finds risk permanently reduced',
          'older young person who does not want a plan, assessed as resilient with outside support',
        ],
      },
    },
    sources: [dorset('Pan-Dorset note after 2.143')],
  },
  {
    id: 'EN4',
    title: 'Notice that a plan has ended',
    summary:
      'Everyone invited to the initial conference that led to the plan is told it has ended; some packs add the latest conference\'s invitees or the GP.',
    kind: 'enforced',
    parameters: {
      national: { notify: ['initial conference invitees'] },
      hertfordshire: {
        notify: ['initial conference invitees', 'latest conference invitees (looked-after route)'],
      },
      nottinghamshire: { notify: ['initial conference invitees', 'GP'] },
    },
    sources: [dorset('2.144'), herts('§ 8 Discontinuing the Child Protection Plan'), notts('ending the child protection plan')],
  },
  {
    id: 'EN5',
    title: 'Support after the plan',
    summary:
      'When a plan ends the conference says what help carries on (child in need plan, early help, a lead professional); ending the plan never means help stops automatically.',
    kind: 'prompted',
    sources: [herts('§ 7 Chairing of Conference'), dorset('2.145'), notts('ending the child protection plan'), newcastle('2.1.2')],
  },
  {
    id: 'EN6',
    title: 'Ending with a key professional absent (Pan-Dorset)',
    summary:
      'In Pan-Dorset, ending a plan at a conference missing a key professional or its quorum takes effect only once that professional agrees in writing; dissent goes to their manager, and any reconvened conference meets within TS22.',
    kind: 'enforced',
    appliesTo: ['pan-dorset'],
    parameters: { 'pan-dorset': { effectiveWhen: 'absent key professional agrees in writing', reconvene: 'TS22' } },
    sources: [dorset('Pan-Dorset note after 2.145')],
  },
]);
