import { byConferenceType, citing } from './parameters.js';
import type { Pack } from './types.js';

const FILE = '000_94fab553c2db9a47.txt';
const at = citing(FILE);

const TYPES = '1 Types of Child Protection Conferences';

/** Hertfordshire Safeguarding Children Partnership, procedure 4.4.1 (`000`). */
export const hertfordshire: Pack = {
  id: 'hertfordshire',
  name: 'Hertfordshire',
  source: FILE,
  rules: {
    TS1: { parameter: { unit: 'workingDays', n: 15 }, citation: at(`${TYPES}: Timing of Initial Child Protection Conference`) },
    TS2: { parameter: { unit: 'workingDays', n: 15 }, citation: at(`${TYPES}: Transfer In Conference`) },
    TS3: {
      parameter: {
        unit: 'gestation',
        earliestWeeks: 13,
        latestWeeks: 24,
        termWeeks: 40,
        decisionWorkingDays: 15,
        qualifier: 'earlier where a premature birth is likely',
        note: 'Once the decision to convene is made, the conference is also due within 15 working days of it.',
      },
      citation: at(`${TYPES}: Pre-Birth Conference`),
    },
    TS4: {
      parameter: {
        unit: 'sameDay',
        qualifier: 'where possible',
        note: 'Not needed where further legal action is planned to keep the child safe.',
      },
      citation: at(`${TYPES}: Timing of Initial Child Protection Conference`),
    },
    TS5: {
      parameter: { unit: 'months', n: 3, note: 'Also after a transfer-in conference that makes a plan.' },
      citation: at(`${TYPES}: Review Child Protection Conference, Timing`),
    },
    TS6: { parameter: { unit: 'months', n: 6 }, citation: at(`${TYPES}: Review Child Protection Conference, Timing`) },
    TS8: { parameter: { unit: 'workingDays', n: 10 }, citation: at('7 Chairing of Conference') },
    TS9: {
      parameter: { unit: 'setElsewhere', by: 'conference', note: 'The chair sees that timescales for later core groups are set.' },
      citation: at('7 Chairing of Conference'),
    },
    TS10: { parameter: { unit: 'workingDays', n: 1 }, citation: at('10 Administrative Arrangements') },
    TS11: { parameter: { unit: 'workingDays', n: 10 }, citation: at('10 Administrative Arrangements') },
    TS12: {
      parameter: byConferenceType({ unit: 'workingDays', n: 1 }, { unit: 'workingDays', n: 3 }),
      citation: at('6 Information for Conference: Social Work Report'),
    },
    TS13: {
      parameter: byConferenceType({ unit: 'calendarDays', n: 2 }, { unit: 'calendarDays', n: 5 }),
      citation: at('6 Information for Conference: Social Work Report'),
    },
    TS14: {
      parameter: byConferenceType({ unit: 'workingDays', n: 1 }, { unit: 'workingDays', n: 3 }),
      citation: at('6 Information for Conference: Information from other Agencies'),
    },
    TS15: {
      parameter: byConferenceType({ unit: 'hours', n: 48 }, { unit: 'workingDays', n: 5 }),
      citation: at('6 Information for Conference: Information from other Agencies'),
    },
    TS17: {
      parameter: { unit: 'workingDays', n: 3 },
      citation: at('2 Membership of Child Protection Conference: Attendance of Agency Representatives'),
    },
    TS18: {
      parameter: { unit: 'calendarDays', n: 3, qualifier: 'where possible' },
      citation: at('5 Exclusion of Family Members from a Conference'),
    },
    TS23: {
      parameter: {
        unit: 'steps',
        steps: [
          { label: 'views sought in writing', limit: { unit: 'workingDays', n: 10 } },
          { label: 'written responses received', limit: { unit: 'workingDays', n: 10 } },
        ],
      },
      citation: at('2 Membership of Child Protection Conference: Quorate Conferences'),
    },
    TS24: {
      parameter: { unit: 'setElsewhere', by: 'plan', note: 'The chapter sets no visiting interval of its own; the outline plan does.' },
      citation: at("8 Actions and Decisions of the Conference: 'Outline' Child Protection Plan"),
    },
    TS25: {
      parameter: { unit: 'age', years: 18, note: 'The service manager may end the plan at 18 without a conference.' },
      citation: at('8 Actions and Decisions of the Conference: Discontinuing the Child Protection Plan'),
    },
    TS26: {
      parameter: {
        unit: 'months',
        n: 3,
        bound: 'earliest',
        qualifier: 'minimum period allocated as a child in need',
      },
      citation: at('7 Chairing of Conference: If the child(ren) is/are not the Subject of a Child Protection Plan'),
    },
    TS30: {
      parameter: {
        unit: 'authorisation',
        by: "the Children's Services Service Manager and the Service Manager of Child Protection",
        signatories: 2,
        appliesTo: ['TS1', 'TS2'],
        note: 'With the reasons for the delay; risks to the child are monitored and recorded meanwhile.',
      },
      citation: at(`${TYPES}: Timing of Initial Child Protection Conference`),
    },
  },
};
