import { definePack } from './define-pack.js';
import { byConferenceType } from './parameters.js';

/*
 * The Nottinghamshire text as stored has lost its headings, so sections are named by their
 * subject, in the words RULES.md uses for them ("opening section", "booking", …).
 */
const FILE = '003_16eb1834ae885591.txt';

const NO_FIGURE = 'The Nottinghamshire text gives no figure here; the value is the RULES.md column, the same as national.';

/** Nottinghamshire Safeguarding Children Partnership, Child Protection Conference (2024) (`003`). */
export const nottinghamshire = definePack({ id: 'nottinghamshire', name: 'Nottinghamshire', source: FILE }, (cite) => ({
  TS1: cite('opening section: timing of the initial conference', { unit: 'workingDays', n: 15, dayOne: true }),
  TS2: cite('ending a plan: a child moving to another authority', { unit: 'workingDays', n: 15 }),
  TS5: cite('review conferences: the date is agreed at the conference before', { unit: 'months', n: 3, note: NO_FIGURE }),
  TS6: cite('review conferences: the date is agreed at the conference before', { unit: 'months', n: 6, note: NO_FIGURE }),
  TS8: cite('core groups', {
    unit: 'workingDays',
    n: 10,
    note: 'Counted from any conference after which the child stays on a plan, not only the initial one.',
  }),
  TS9: cite('core groups', { unit: 'weeks', n: 6, shorterMayBeSet: true, qualifier: 'no more than 6-weekly' }),
  TS10: cite('distributing the outline plan', { unit: 'workingDays', n: 1 }),
  TS11: cite('distributing the outline plan', {
    unit: 'workingDays',
    n: 10,
    qualifier: 'the "approved timescale", taken as 10 working days',
    note: 'The text refers to an approved timescale without stating it; RULES.md says to use 10 working days.',
  }),
  TS12: cite('the social work report', byConferenceType({ unit: 'hours', n: 24, qualifier: 'to the chair and minute-taker' }, { unit: 'workingDays', n: 3 }, `Review: ${NO_FIGURE}`)),
  TS13: cite('preparing the family', byConferenceType({ unit: 'hours', n: 24, qualifier: "at the social worker's visit to the family" }, { unit: 'calendarDays', n: 5 }, `Review: ${NO_FIGURE}`)),
  TS14: cite('invitations: the standard agency invitation letter', { unit: 'hours', n: 24, qualifier: "to the child's social worker" }),
  TS17: cite('observers', { unit: 'note', text: 'well in advance', note: 'Discussed with the chair so the family can be asked to agree.' }),
  TS19: cite('review conferences: invitations', { unit: 'weeks', n: 2, qualifier: 'review invitations' }),
  TS24: cite('statutory visits', {
    unit: 'weeks',
    n: 4,
    shorterMayBeSet: true,
    qualifier: 'departmental minimum; the plan may set more often',
    note: 'Changing the agreed pattern needs the team manager’s approval.',
  }),
  TS25: cite('ending a plan', { unit: 'age', years: 18, note: 'A review conference is planned around the birthday to end the plan.' }),
  TS28: cite('invitations: parents and young people meet the chair; preparing the family', {
    unit: 'conferenceSlot',
    familyMeetsChairMinutesBefore: 20,
    note: 'Face-to-face conferences; online, the chair calls the family beforehand.',
  }),
  TS29: cite('booking the initial conference', { unit: 'sameDay', qualifier: 'the social worker contacts the diary co-ordinator' }),
  TS30: cite('booking the initial conference', {
    unit: 'authorisation',
    by: 'the Service Manager of the Independent Chair Service with the Service Manager for the social work team',
    signatories: 2,
    appliesTo: ['TS1', 'TS2'],
  }),
}));
