import { byConferenceType, citing } from './parameters.js';
import type { Pack } from './types.js';

const FILE = '002_61563a3284bb8811.txt';
const at = citing(FILE);

/**
 * The national baseline: Working Together to Safeguard Children (2010) as carried in `002`.
 * Every other pack inherits a rule from here when its own procedure is silent on it.
 * Where RULES.md gives a national figure that the Working Together text itself does not state
 * (reports and observers), the citation is the paragraph on that subject and the note says so.
 */
export const national: Pack = {
  id: 'national',
  name: 'National',
  source: FILE,
  rules: {
    TS1: { parameter: { unit: 'workingDays', n: 15 }, citation: at('2.87 Timing') },
    TS2: { parameter: { unit: 'workingDays', n: 15 }, citation: at('2.143 Discontinuing the Child Protection Plan') },
    TS5: { parameter: { unit: 'months', n: 3 }, citation: at('2.138 The Child Protection Review Conference, Timescale') },
    TS6: { parameter: { unit: 'months', n: 6 }, citation: at('2.138 The Child Protection Review Conference, Timescale') },
    TS8: { parameter: { unit: 'workingDays', n: 10 }, citation: at('2.120 The Core Group') },
    TS9: {
      parameter: { unit: 'setElsewhere', by: 'conference', note: 'The conference sets how often the core group meets after the first meeting.' },
      citation: at('2.109 and 2.120 The Core Group'),
    },
    TS10: { parameter: { unit: 'workingDays', n: 1 }, citation: at('2.106 Action and Decisions for the Conference') },
    TS11: {
      parameter: { unit: 'workingDays', n: 10, note: 'Working Together asks for the record as soon as possible; the 10 working days are the note that follows 2.113.' },
      citation: at('2.113 Administrative arrangements and record keeping, and the note after it'),
    },
    TS12: {
      parameter: byConferenceType({ unit: 'workingDays', n: 1 }, { unit: 'workingDays', n: 3 }, 'Working Together asks only for the report in advance; the figures are the national column of RULES.md.'),
      citation: at('2.94–2.97 Information for the Conference'),
    },
    TS13: {
      parameter: byConferenceType({ unit: 'calendarDays', n: 2 }, { unit: 'calendarDays', n: 5 }, 'Working Together asks only for the report in advance; the figures are the national column of RULES.md.'),
      citation: at('2.97 Information for the Conference'),
    },
    TS14: {
      parameter: byConferenceType({ unit: 'workingDays', n: 1 }, { unit: 'workingDays', n: 3 }, 'Working Together asks for written reports in advance where possible; the figures are the national column of RULES.md.'),
      citation: at('2.98 Information for the Conference'),
    },
    TS15: {
      parameter: byConferenceType({ unit: 'hours', n: 48 }, { unit: 'workingDays', n: 5 }, 'Working Together sets no figure; the figures are the national column of RULES.md.'),
      citation: at('2.98 Information for the Conference'),
    },
    TS17: {
      parameter: { unit: 'workingDays', n: 3, note: 'Working Together sets no figure for observers; the figure is the national column of RULES.md.' },
      citation: at('2.88 Attendance'),
    },
    TS18: {
      parameter: { unit: 'calendarDays', n: 3, qualifier: 'where possible', note: 'Working Together leaves exclusion criteria to local procedures; the figure is the national column of RULES.md.' },
      citation: at('2.90–2.91 Involving the Child and Family Members'),
    },
    TS24: {
      parameter: { unit: 'setElsewhere', by: 'plan', note: 'The plan says when the lead social worker sees the child.' },
      citation: at('2.117 and 2.125'),
    },
    TS25: {
      parameter: { unit: 'age', years: 18, note: 'A review is planned in advance around the birthday to end the plan.' },
      citation: at('2.143 Discontinuing the Child Protection Plan'),
    },
    TS30: {
      parameter: {
        unit: 'authorisation',
        by: 'a service manager',
        appliesTo: ['TS1', 'TS2'],
        note: 'Working Together says conferences must not drift; written authorisation is the national column of RULES.md.',
      },
      citation: at('2.87 Timing'),
    },
  },
};
