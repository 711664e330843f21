import { definePack } from './define-pack.js';
import { byConferenceType } from './parameters.js';

const FILE = '000_94fab553c2db9a47.txt';

const TYPES = '1 Types of Child Protection Conferences';

/** Hertfordshire Safeguarding Children Partnership, procedure 4.4.1 (`000`). */
export const hertfordshire = definePack({ id: 'hertfordshire', name: 'Hertfordshire', source: FILE }, (cite) => ({
  TS1: cite(`${TYPES}: Timing of Initial Child Protection Conference`, { unit: 'workingDays', n: 15 }),
  TS2: cite(`${TYPES}: Transfer In Conference`, { unit: 'workingDays', n: 15 }),
  TS3: cite(`${TYPES}: Pre-Birth Conference`, {
    unit: 'gestation',
    earliestWeeks: 13,
    latestWeeks: 24,
    termWeeks: 40,
    decisionWorkingDays: 15,
    qualifier: 'earlier where a premature birth is likely',
    note: 'Once the decision to convene is made, the conference is also due within 15 working days of it.',
  }),
  TS4: cite(`${TYPES}: Timing of Initial Child Protection Conference`, {
    unit: 'sameDay',
    qualifier: 'where possible',
    note: 'Not needed where further legal action is planned to keep the child safe.',
  }),
  TS5: cite(`${TYPES}: Review Child Protection Conference, Timing`, { unit: 'months', n: 3, note: 'Also after a transfer-in conference that makes a plan.' }),
  TS6: cite(`${TYPES}: Review Child Protection Conference, Timing`, { unit: 'months', n: 6 }),
  TS8: cite('7 Chairing of Conference', { unit: 'workingDays', n: 10 }),
  TS9: cite('7 Chairing of Conference', { unit: 'setElsewhere', by: 'conference', note: 'The chair sees that timescales for later core groups are set.' }),
  TS10: cite('10 Administrative Arrangements', { unit: 'workingDays', n: 1 }),
  TS11: cite('10 Administrative Arrangements', { unit: 'workingDays', n: 10 }),
  TS12: cite('6 Information for Conference: Social Work Report', byConferenceType({ unit: 'workingDays', n: 1 }, { unit: 'workingDays', n: 3 })),
  TS13: cite('6 Information for Conference: Social Work Report', byConferenceType({ unit: 'calendarDays', n: 2 }, { unit: 'calendarDays', n: 5 })),
  TS14: cite('6 Information for Conference: Information from other Agencies', byConferenceType({ unit: 'workingDays', n: 1 }, { unit: 'workingDays', n: 3 })),
  TS15: cite('6 Information for Conference: Information from other Agencies', byConferenceType({ unit: 'hours', n: 48 }, { unit: 'workingDays', n: 5 })),
  TS17: cite('2 Membership of Child Protection Conference: Attendance of Agency Representatives', { unit: 'workingDays', n: 3 }),
  TS18: cite('5 Exclusion of Family Members from a Conference', { unit: 'calendarDays', n: 3, qualifier: 'where possible' }),
  TS23: cite('2 Membership of Child Protection Conference: Quorate Conferences', {
    unit: 'steps',
    steps: [
      { label: 'views sought in writing', limit: { unit: 'workingDays', n: 10 } },
      { label: 'written responses received', limit: { unit: 'workingDays', n: 10 } },
    ],
  }),
  TS24: cite("8 Actions and Decisions of the Conference: 'Outline' Child Protection Plan", {
    unit: 'setElsewhere',
    by: 'plan',
    note: 'The chapter sets no visiting interval of its own; the outline plan does.',
  }),
  TS25: cite('8 Actions and Decisions of the Conference: Discontinuing the Child Protection Plan', {
    unit: 'age',
    years: 18,
    note: 'The service manager may end the plan at 18 without a conference.',
  }),
  TS26: cite('7 Chairing of Conference: If the child(ren) is/are not the Subject of a Child Protection Plan', {
    unit: 'months',
    n: 3,
    bound: 'earliest',
    qualifier: 'minimum period allocated as a child in need',
  }),
  TS30: cite(`${TYPES}: Timing of Initial Child Protection Conference`, {
    unit: 'authorisation',
    by: "the Children's Services Service Manager and the Service Manager of Child Protection",
    signatories: 2,
    appliesTo: ['TS1', 'TS2'],
    note: 'With the reasons for the delay; risks to the child are monitored and recorded meanwhile.',
  }),
}));
