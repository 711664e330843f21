import { defineArea } from '../rule-entry.js';
import { dorset, herts } from '../sources.js';

export const REGISTER_RULES = defineArea('RG', [
  {
    id: 'RG1',
    title: 'List of children with a plan',
    summary:
      'At any moment the authority can list every child in its area who has a plan, including children placed there by other authorities, with category and lead social worker.',
    kind: 'enforced',
    sources: [herts('§ 11 Recording Child is Subject of a Protection Plan'), dorset('2.151')],
  },
  {
    id: 'RG2',
    title: 'Checking the enquirer',
    summary:
      'Police, health and out-of-hours services can get an answer at any hour, but only after the enquirer\'s identity, role, agency and a known call-back number have been checked and written down.',
    kind: 'enforced',
    sources: [herts('§ 11 Managing and Providing Information about a Child'), dorset('2.154'), dorset('Pan-Dorset note after 2.156')],
  },
  {
    id: 'RG3',
    title: 'What an enquiry asks and is told',
    summary:
      'The enquirer gives full name and aliases, date of birth, present and past addresses and parents or carers. The answer covers a current or past plan, a conference without a plan, whether the case is or was open with the key worker\'s name, and other relevant household facts.',
    kind: 'enforced',
    sources: [dorset('Pan-Dorset note after 2.156')],
  },
  {
    id: 'RG4',
    title: 'Notifications an enquiry raises',
    summary:
      'For an open case the enquirer gets the key worker\'s name and the lead social worker hears of the enquiry; for an address shared with a child on a plan, that child\'s lead social worker is told. An unknown child goes on a contact sheet with the advice given, and a second enquiry about the same child is told of the first while the designated manager considers whether the child is in need.',
    kind: 'enforced',
    sources: [herts('§ 11 Managing and Providing Information about a Child'), dorset('2.155')],
  },
  {
    id: 'RG5',
    title: 'Designated manager keeps the register',
    summary:
      'A designated manager keeps register entries up to date and deals with notices of children moving in or out and of people who might be a danger to children.',
    kind: 'recorded',
    judgement:
      'Whether a notified person really poses a risk to a particular child, and what the plan should do about it, is for the lead social worker and the core group to weigh: Convene records the notice, links it to the household and makes sure each lead social worker concerned is told.',
    sources: [herts('§ 11 Managing and Providing Information about a Child'), dorset('2.153')],
  },
  {
    id: 'RG6',
    title: 'Quarterly list for children\'s centres',
    summary:
      'Each quarter a children\'s centre receives its area\'s under-fives with a plan: by name where the parents agreed (DC8), otherwise as a number.',
    kind: 'enforced',
    sources: [herts('Appendix 1 Links with Social Care and Children with Child Protection Plans')],
  },
]);
