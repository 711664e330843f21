import { definePack, sameAs } from './define-pack.js';
import { national } from './national.js';
import { byConferenceType } from './parameters.js';
import type { Duration } from './types.js';

const FILE = '002_61563a3284bb8811.txt';

const REPORTS_NOTE = 'Pan Dorset Note after 2.100 (Information for the Conference)';
const dayBefore: Duration = { unit: 'hours', n: 24 };
const fiveWorkingDays: Duration = { unit: 'workingDays', n: 5 };

/**
 * Pan-Dorset (Bournemouth, Dorset and Poole) chapter 2 (`002`): the Working Together text with
 * local notes. Citations name the paragraph, or the local note by its place in the chapter.
 */
export const panDorset = definePack({ id: 'pan-dorset', name: 'Pan-Dorset', source: FILE }, (cite) => ({
  // Working Together's own paragraphs, unchanged by a local note: cited as national cites them.
  ...sameAs(national, ['TS1', 'TS2', 'TS5', 'TS6', 'TS25']),
  TS3: cite('2.151 Pre-Birth Child Protection Conferences and Reviews', {
    unit: 'note',
    text: 'same status as any initial conference',
    note: 'Pan-Dorset sets no gestation window: a pre-birth conference is an initial conference, so TS1 applies from the strategy discussion.',
  }),
  TS8: cite('2.120 The Core Group, and the Pan Dorset Note after it', {
    unit: 'workingDays',
    n: 10,
    note: 'The conference fixes the date of the first core group.',
  }),
  TS9: cite('Pan Dorset Note after 2.120 (The Core Group)', { unit: 'setElsewhere', by: 'conference' }),
  TS10: cite('2.105 Pan-Dorset decision making process, and 2.106', { unit: 'workingDays', n: 1 }),
  TS11: cite('Pan-Dorset note about sending Conference Record, after 2.113', { unit: 'workingDays', n: 10 }),
  TS12: cite(REPORTS_NOTE, byConferenceType(dayBefore, fiveWorkingDays)),
  TS13: cite(REPORTS_NOTE, byConferenceType(dayBefore, fiveWorkingDays)),
  TS14: cite(REPORTS_NOTE, byConferenceType(dayBefore, fiveWorkingDays)),
  TS15: cite(REPORTS_NOTE, byConferenceType(dayBefore, fiveWorkingDays)),
  TS20: cite('Pan-Dorset Missing Information / Deferred Decision Making, after 2.105', {
    unit: 'workingDays',
    n: 15,
    qualifier: 'at most',
    note: 'An interim safety plan covers the time until the reconvened conference.',
  }),
  TS21: cite("Chair's right to overrule, after 2.105", {
    unit: 'weeks',
    n: 4,
    note: 'Senior managers are consulted first; a further conference is held only if they think it right.',
  }),
  TS22: cite('Pan Dorset Note after 2.145 (discontinuing where a key professional is not present)', {
    unit: 'weeks',
    n: 4,
    note: 'The plan is not ended until the absent key professional agrees in writing.',
  }),
  TS24: cite('2.117 The Role of the Lead Social Worker, and 2.125', { unit: 'setElsewhere', by: 'plan' }),
  TS26: cite('2.108 Action and Decisions for the Conference', { unit: 'months', n: 6, qualifier: 'child in need plan reviewed at least every 6 months' }),
}));
