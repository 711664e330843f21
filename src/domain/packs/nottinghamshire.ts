import { byConferenceType, citing } from './parameters.js';
import type { Pack } from './types.js';

const FILE = '003_16eb1834ae885591.txt';
/*
 * The Nottinghamshire text as stored has lost its headings, so sections are named by their
 * subject, in the words RULES.md uses for them ("opening section", "booking", …).
 */
const at = citing(FILE);

const NO_FIGURE = 'The Nottinghamshire text gives no figure here; the value is the RULES.md column, the same as national.';

/** Nottinghamshire Safeguarding Children Partnership, Child Protection Conference (2024) (`003`). */
export const nottinghamshire: Pack = {
  id: 'nottinghamshire',
  name: 'Nottinghamshire',
  source: FILE,
  rules: {
    TS1: {
      parameter: { unit: 'workingDays', n: 15, dayOne: true },
      citation: at('opening section: timing of the initial conference'),
    },
    TS2: {
      parameter: { unit: 'workingDays', n: 15 },
      citation: at('ending a plan: a child moving to another authority'),
    },
    TS5: {
      parameter: { unit: 'months', n: 3, note: NO_FIGURE },
      citation: at('review conferences: the date is agreed at the conference before'),
    },
    TS6: {
      parameter: { unit: 'months', n: 6, note: NO_FIGURE },
      citation: at('review conferences: the date is agreed at the conference before'),
    },
    TS8: {
      parameter: { unit: 'workingDays', n: 10, note: 'Counted from any conference after which the child stays on a plan, not only the initial one.' },
      citation: at('core groups'),
    },
    TS9: {
      parameter: { unit: 'weeks', n: 6, shorterMayBeSet: true, qualifier: 'no more than 6-weekly' },
      citation: at('core groups'),
    },
    TS10: { parameter: { unit: 'workingDays', n: 1 }, citation: at('distributing the outline plan') },
    TS11: {
      parameter: {
        unit: 'workingDays',
        n: 10,
        qualifier: 'the "approved timescale", taken as 10 working days',
        note: 'The text refers to an approved timescale without stating it; RULES.md says to use 10 working days.',
      },
      citation: at('distributing the outline plan'),
    },
    TS12: {
      parameter: byConferenceType({ unit: 'hours', n: 24, qualifier: 'to the chair and minute-taker' }, { unit: 'workingDays', n: 3 }, `Review: ${NO_FIGURE}`),
      citation: at('the social work report'),
    },
    TS13: {
      parameter: byConferenceType({ unit: 'hours', n: 24, qualifier: "at the social worker's visit to the family" }, { unit: 'calendarDays', n: 5 }, `Review: ${NO_FIGURE}`),
      citation: at('preparing the family'),
    },
    TS14: {
      parameter: { unit: 'hours', n: 24, qualifier: "to the child's social worker" },
      citation: at('invitations: the standard agency invitation letter'),
    },
    TS17: {
      parameter: { unit: 'note', text: 'well in advance', note: 'Discussed with the chair so the family can be asked to agree.' },
      citation: at('observers'),
    },
    TS19: {
      parameter: { unit: 'weeks', n: 2, qualifier: 'review invitations' },
      citation: at('review conferences: invitations'),
    },
    TS24: {
      parameter: {
        unit: 'weeks',
        n: 4,
        shorterMayBeSet: true,
        qualifier: 'departmental minimum; the plan may set more often',
        note: 'Changing the agreed pattern needs the team manager’s approval.',
      },
      citation: at('statutory visits'),
    },
    TS25: {
      parameter: { unit: 'age', years: 18, note: 'A review conference is planned around the birthday to end the plan.' },
      citation: at('ending a plan'),
    },
    TS28: {
      parameter: { unit: 'conferenceSlot', familyMeetsChairMinutesBefore: 20, note: 'Face-to-face conferences; online, the chair calls the family beforehand.' },
      citation: at('invitations: parents and young people meet the chair; preparing the family'),
    },
    TS29: {
      parameter: { unit: 'sameDay', qualifier: 'the social worker contacts the diary co-ordinator' },
      citation: at('booking the initial conference'),
    },
    TS30: {
      parameter: {
        unit: 'authorisation',
        by: 'the Service Manager of the Independent Chair Service with the Service Manager for the social work team',
        signatories: 2,
        appliesTo: ['TS1', 'TS2'],
      },
      citation: at('booking the initial conference'),
    },
  },
};
