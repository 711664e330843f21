import { definePack } from './define-pack.js';
import { byConferenceType } from './parameters.js';

const FILE = '002_61563a3284bb8811.txt';

/** Working Together gives no figure for reports; the figures come from RULES.md, and the notes say so. */
const RULES_COLUMN = 'the figures are the national column of RULES.md.';

/**
 * The national baseline: Working Together to Safeguard Children (2010) as carried in `002`.
 * Every other pack inherits a rule from here when its own procedure is silent on it.
 * Where RULES.md gives a national figure that the Working Together text itself does not state
 * (reports and observers), the citation is the paragraph on that subject and the note says so.
 */
export const national = definePack({ id: 'national', name: 'National', source: FILE }, (cite) => ({
  TS1: cite('2.87 Timing', { unit: 'workingDays', n: 15 }),
  TS2: cite('2.143 Discontinuing the Child Protection Plan', { unit: 'workingDays', n: 15 }),
  TS5: cite('2.138 The Child Protection Review Conference, Timescale', { unit: 'months', n: 3 }),
  TS6: cite('2.138 The Child Protection Review Conference, Timescale', { unit: 'months', n: 6 }),
  TS8: cite('2.120 The Core Group', { unit: 'workingDays', n: 10 }),
  TS9: cite('2.109 and 2.120 The Core Group', {
    unit: 'setElsewhere',
    by: 'conference',
    note: 'The conference sets how often the core group meets after the first meeting.',
  }),
  TS10: cite('2.106 Action and Decisions for the Conference', { unit: 'workingDays', n: 1 }),
  TS11: cite('2.113 Administrative arrangements and record keeping, and the note after it', {
    unit: 'workingDays',
    n: 10,
    note: 'Working Together asks for the record as soon as possible; the 10 working days are the note that follows 2.113.',
  }),
  TS12: cite('2.94–2.97 Information for the Conference', byConferenceType({ unit: 'workingDays', n: 1 }, { unit: 'workingDays', n: 3 }, `Working Together asks only for the report in advance; ${RULES_COLUMN}`)),
  TS13: cite('2.97 Information for the Conference', byConferenceType({ unit: 'calendarDays', n: 2 }, { unit: 'calendarDays', n: 5 }, `Working Together asks only for the report in advance; ${RULES_COLUMN}`)),
  TS14: cite('2.98 Information for the Conference', byConferenceType({ unit: 'workingDays', n: 1 }, { unit: 'workingDays', n: 3 }, `Working Together asks for written reports in advance where possible; ${RULES_COLUMN}`)),
  TS15: cite('2.98 Information for the Conference', byConferenceType({ unit: 'hours', n: 48 }, { unit: 'workingDays', n: 5 }, `Working Together sets no figure; ${RULES_COLUMN}`)),
  TS17: cite('2.88 Attendance', {
    unit: 'workingDays',
    n: 3,
    note: 'Working Together sets no figure for observers; the figure is the national column of RULES.md.',
  }),
  TS18: cite('2.90–2.91 Involving the Child and Family Members', {
    unit: 'calendarDays',
    n: 3,
    qualifier: 'where possible',
    note: 'Working Together leaves exclusion criteria to local procedures; the figure is the national column of RULES.md.',
  }),
  TS24: cite('2.117 and 2.125', { unit: 'setElsewhere', by: 'plan', note: 'The plan says when the lead social worker sees the child.' }),
  TS25: cite('2.143 Discontinuing the Child Protection Plan', {
    unit: 'age',
    years: 18,
    note: 'A review is planned in advance around the birthday to end the plan.',
  }),
  TS30: cite('2.87 Timing', {
    unit: 'authorisation',
    by: 'a service manager',
    appliesTo: ['TS1', 'TS2'],
    note: 'Working Together says conferences must not drift; written authorisation is the national column of RULES.md.',
  }),
}));
