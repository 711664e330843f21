import { definePack } from './define-pack.js';
import { byConferenceType } from './parameters.js';

const FILE = '004_4d62ad76775b45eb.txt';

/** Newcastle core standards for child protection conferences (2010) (`004`). */
export const newcastle = definePack({ id: 'newcastle', name: 'Newcastle', source: FILE }, (cite) => ({
  TS1: cite('Standard 7, 7.2.1', { unit: 'workingDays', n: 15 }),
  TS5: cite('Standard 1, 1.3.1', { unit: 'months', n: 3 }),
  TS6: cite('Standard 1, 1.3.1', { unit: 'months', n: 6 }),
  TS7: cite('Standard 7, 7.1.5–7.1.6', {
    unit: 'months',
    n: 21,
    qualifier: 'the 4th review conference',
    note: 'First review within 3 months, then one every 6 months: the 4th review falls at most 3 + 6 + 6 + 6 = 21 months after the initial conference. The chair then writes a briefing note for service managers.',
  }),
  TS8: cite('Standard 5, 5.3.1', { unit: 'workingDays', n: 10 }),
  TS9: cite('Standard 5, 5.3.1', { unit: 'weeks', n: 6, shorterMayBeSet: true, qualifier: 'every 4 to 6 weeks' }),
  TS10: cite('Standard 1, 1.2.2; Standard 2, 2.1.6', { unit: 'hours', n: 24, note: 'A birth plan is also distributed within 24 hours.' }),
  TS11: cite('Standard 2, 2.1.6 (and 1.2.3)', {
    unit: 'workingDays',
    n: 25,
    note: '1.2.3 gives 20–25 days for the minute takers; 2.1.6 gives 25 working days, which is used.',
  }),
  TS12: cite('Standard 2, 2.1.1 and 2.2.1', byConferenceType({ unit: 'hours', n: 48 }, { unit: 'calendarDays', n: 3 })),
  TS13: cite('Standard 2, 2.2.3; Standard 5, 5.2.4', byConferenceType({ unit: 'hours', n: 48 }, { unit: 'calendarDays', n: 3, qualifier: '5 days where a decision is to be made' })),
  TS14: cite('Standard 1, 1.4.1', byConferenceType({ unit: 'hours', n: 48 }, { unit: 'calendarDays', n: 3 })),
  TS15: cite('Standard 1, 1.4.1', { unit: 'calendarDays', n: 3, qualifier: 'except confidential police reports' }),
  TS16: cite('Standard 5, 5.1.5, 5.1.7, 5.2.9 and 5.2.11', {
    unit: 'calendarDays',
    n: 7,
    qualifier: 'parent with a learning disability or needing translation',
  }),
  TS17: cite('Standard 5, 5.5.1', { unit: 'note', text: 'well in advance', note: 'Requests are discussed with the chair.' }),
  TS24: cite('Standard 7, 7.1.3 and 7.3.6', { unit: 'setElsewhere', by: 'plan', note: 'The chair checks that statutory visits were made within timescale.' }),
  TS27: cite('Standard 5, 5.2.14', { unit: 'calendarDays', n: 5, qualifier: 'updated plan distributed' }),
  TS28: cite('Standard 1, 1.1.3', {
    unit: 'conferenceSlot',
    lengthMinutes: 90,
    note: 'The chair starts on time and aims to finish within the slot; some conferences take longer.',
  }),
  TS29: cite('Standard 5, 5.2.2', {
    unit: 'workingDays',
    n: 1,
    qualifier: 'invitation requests to the minute-taking service',
    countedFrom: 'decision on the conference date',
  }),
  TS30: cite('Standard 7, 7.1.1', {
    unit: 'authorisation',
    by: 'the Independent Reviewing Officer with the Head of Service',
    signatories: 2,
    appliesTo: ['TS1', 'TS2'],
    note: 'Only in exceptional circumstances.',
  }),
}));
