import { byConferenceType, citing } from './parameters.js';
import type { Pack } from './types.js';

const FILE = '004_4d62ad76775b45eb.txt';
const at = citing(FILE);

/** Newcastle core standards for child protection conferences (2010) (`004`). */
export const newcastle: Pack = {
  id: 'newcastle',
  name: 'Newcastle',
  source: FILE,
  rules: {
    TS1: { parameter: { unit: 'workingDays', n: 15 }, citation: at('Standard 7, 7.2.1') },
    TS5: { parameter: { unit: 'months', n: 3 }, citation: at('Standard 1, 1.3.1') },
    TS6: { parameter: { unit: 'months', n: 6 }, citation: at('Standard 1, 1.3.1') },
    TS7: {
      parameter: {
        unit: 'months',
        n: 21,
        qualifier: 'the 4th review conference',
        note: 'First review within 3 months, then one every 6 months: the 4th review falls at most 3 + 6 + 6 + 6 = 21 months after the initial conference. The chair then writes a briefing note for service managers.',
      },
      citation: at('Standard 7, 7.1.5–7.1.6'),
    },
    TS8: { parameter: { unit: 'workingDays', n: 10 }, citation: at('Standard 5, 5.3.1') },
    TS9: {
      parameter: { unit: 'weeks', n: 6, shorterMayBeSet: true, qualifier: 'every 4 to 6 weeks' },
      citation: at('Standard 5, 5.3.1'),
    },
    TS10: {
      parameter: { unit: 'hours', n: 24, note: 'A birth plan is also distributed within 24 hours.' },
      citation: at('Standard 1, 1.2.2; Standard 2, 2.1.6'),
    },
    TS11: {
      parameter: {
        unit: 'workingDays',
        n: 25,
        note: '1.2.3 gives 20–25 days for the minute takers; 2.1.6 gives 25 working days, which is used.',
      },
      citation: at('Standard 2, 2.1.6 (and 1.2.3)'),
    },
    TS12: { parameter: byConferenceType({ unit: 'hours', n: 48 }, { unit: 'calendarDays', n: 3 }), citation: at('Standard 2, 2.1.1 and 2.2.1') },
    TS13: {
      parameter: byConferenceType({ unit: 'hours', n: 48 }, { unit: 'calendarDays', n: 3, qualifier: '5 days where a decision is to be made' }),
      citation: at('Standard 2, 2.2.3; Standard 5, 5.2.4'),
    },
    TS14: { parameter: byConferenceType({ unit: 'hours', n: 48 }, { unit: 'calendarDays', n: 3 }), citation: at('Standard 1, 1.4.1') },
    TS15: {
      parameter: { unit: 'calendarDays', n: 3, qualifier: 'except confidential police reports' },
      citation: at('Standard 1, 1.4.1'),
    },
    TS16: {
      parameter: { unit: 'calendarDays', n: 7, qualifier: 'parent with a learning disability or needing translation' },
      citation: at('Standard 5, 5.1.5, 5.1.7, 5.2.9 and 5.2.11'),
    },
    TS17: {
      parameter: { unit: 'note', text: 'well in advance', note: 'Requests are discussed with the chair.' },
      citation: at('Standard 5, 5.5.1'),
    },
    TS24: {
      parameter: { unit: 'setElsewhere', by: 'plan', note: 'The chair checks that statutory visits were made within timescale.' },
      citation: at('Standard 7, 7.1.3 and 7.3.6'),
    },
    TS27: {
      parameter: { unit: 'calendarDays', n: 5, qualifier: 'updated plan distributed' },
      citation: at('Standard 5, 5.2.14'),
    },
    TS28: {
      parameter: { unit: 'conferenceSlot', lengthMinutes: 90, note: 'The chair starts on time and aims to finish within the slot; some conferences take longer.' },
      citation: at('Standard 1, 1.1.3'),
    },
    TS29: {
      parameter: {
        unit: 'workingDays',
        n: 1,
        qualifier: 'invitation requests to the minute-taking service',
        countedFrom: 'decision on the conference date',
      },
      citation: at('Standard 5, 5.2.2'),
    },
    TS30: {
      parameter: {
        unit: 'authorisation',
        by: 'the Independent Reviewing Officer with the Head of Service',
        signatories: 2,
        appliesTo: ['TS1', 'TS2'],
        note: 'Only in exceptional circumstances.',
      },
      citation: at('Standard 7, 7.1.1'),
    },
  },
};
