import { defineArea } from '../rule-entry.js';
import { dorset, herts, newcastle, notts } from '../sources.js';

export const CONDUCT_RULES = defineArea('CF', [
  {
    id: 'CF1',
    title: 'Quorum per subject child',
    summary:
      'For each subject child, social care plus two or more other agencies or disciplines that know that child directly must be present. The chair may go ahead without a quorum in exceptional cases; a continued plan then gets an early review, and Hertfordshire consults in writing before an ended plan takes effect (TS23).',
    kind: 'enforced',
    parameters: {
      hertfordshire: { inquorateDiscontinuation: 'views sought in writing (TS23)' },
      'pan-dorset': { chairWritesToAbsentAgencies: true },
    },
    sources: [herts('§ 2 Quorate Conferences'), dorset('Pan-Dorset note after 2.88'), dorset('2.141')],
  },
  {
    id: 'CF2',
    title: 'Social care and police at every initial conference',
    summary: 'In Hertfordshire no initial conference goes ahead without both children\'s social care and the police present.',
    kind: 'enforced',
    appliesTo: ['hertfordshire'],
    parameters: { hertfordshire: { requiredAtInitial: ['childrens-social-care', 'police'] } },
    sources: [herts('§ 2 Initial Conferences')],
  },
  {
    id: 'CF3',
    title: 'Attendance record',
    summary:
      'Attendance is kept per person with agency, role and the parts of the meeting attended; apologies are noted and absent professionals\' written reports are presented.',
    kind: 'recorded',
    sources: [herts('§ 7 Chairing of Conference'), newcastle('5.1.10')],
  },
  {
    id: 'CF4',
    title: 'Chair\'s opening and conduct',
    summary:
      'The chair opens by setting out the purpose, agenda, confidentiality, expected behaviour and everyone\'s role, and makes sure all household children are covered, absent contributors\' reports are heard and the child\'s wishes and feelings are put.',
    kind: 'prompted',
    sources: [herts('§ 7 Chairing of Conference'), notts('chair\'s responsibilities'), newcastle('Standard 3')],
  },
]);
