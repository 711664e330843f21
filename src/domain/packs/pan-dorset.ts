import { byConferenceType, citing } from './parameters.js';
import type { Duration, Pack } from './types.js';

const FILE = '002_61563a3284bb8811.txt';
const at = citing(FILE);

const REPORTS_NOTE = 'Pan Dorset Note after 2.100 (Information for the Conference)';
const dayBefore: Duration = { unit: 'hours', n: 24 };
const fiveWorkingDays: Duration = { unit: 'workingDays', n: 5 };

/**
 * Pan-Dorset (Bournemouth, Dorset and Poole) chapter 2 (`002`): the Working Together text with
 * local notes. Citations name the paragraph, or the local note by its place in the chapter.
 */
export const panDorset: Pack = {
  id: 'pan-dorset',
  name: 'Pan-Dorset',
  source: FILE,
  rules: {
    TS1: { parameter: { unit: 'workingDays', n: 15 }, citation: at('2.87 Timing') },
    TS2: { parameter: { unit: 'workingDays', n: 15 }, citation: at('2.143 Discontinuing the Child Protection Plan') },
    TS3: {
      parameter: {
        unit: 'note',
        text: 'same status as any initial conference',
        note: 'Pan-Dorset sets no gestation window: a pre-birth conference is an initial conference, so TS1 applies from the strategy discussion.',
      },
      citation: at('2.151 Pre-Birth Child Protection Conferences and Reviews'),
    },
    TS5: { parameter: { unit: 'months', n: 3 }, citation: at('2.138 The Child Protection Review Conference, Timescale') },
    TS6: { parameter: { unit: 'months', n: 6 }, citation: at('2.138 The Child Protection Review Conference, Timescale') },
    TS8: {
      parameter: { unit: 'workingDays', n: 10, note: 'The conference fixes the date of the first core group.' },
      citation: at('2.120 The Core Group, and the Pan Dorset Note after it'),
    },
    TS9: {
      parameter: { unit: 'setElsewhere', by: 'conference' },
      citation: at('Pan Dorset Note after 2.120 (The Core Group)'),
    },
    TS10: {
      parameter: { unit: 'workingDays', n: 1 },
      citation: at('2.105 Pan-Dorset decision making process, and 2.106'),
    },
    TS11: {
      parameter: { unit: 'workingDays', n: 10 },
      citation: at('Pan-Dorset note about sending Conference Record, after 2.113'),
    },
    TS12: { parameter: byConferenceType(dayBefore, fiveWorkingDays), citation: at(REPORTS_NOTE) },
    TS13: { parameter: byConferenceType(dayBefore, fiveWorkingDays), citation: at(REPORTS_NOTE) },
    TS14: { parameter: byConferenceType(dayBefore, fiveWorkingDays), citation: at(REPORTS_NOTE) },
    TS15: { parameter: byConferenceType(dayBefore, fiveWorkingDays), citation: at(REPORTS_NOTE) },
    TS20: {
      parameter: { unit: 'workingDays', n: 15, qualifier: 'at most', note: 'An interim safety plan covers the time until the reconvened conference.' },
      citation: at('Pan-Dorset Missing Information / Deferred Decision Making, after 2.105'),
    },
    TS21: {
      parameter: { unit: 'weeks', n: 4, note: 'Senior managers are consulted first; a further conference is held only if they think it right.' },
      citation: at("Chair's right to overrule, after 2.105"),
    },
    TS22: {
      parameter: { unit: 'weeks', n: 4, note: 'The plan is not ended until the absent key professional agrees in writing.' },
      citation: at('Pan Dorset Note after 2.145 (discontinuing where a key professional is not present)'),
    },
    TS24: {
      parameter: { unit: 'setElsewhere', by: 'plan' },
      citation: at('2.117 The Role of the Lead Social Worker, and 2.125'),
    },
    TS25: {
      parameter: { unit: 'age', years: 18, note: 'A review is planned in advance around the birthday to end the plan.' },
      citation: at('2.143 Discontinuing the Child Protection Plan'),
    },
    TS26: {
      parameter: { unit: 'months', n: 6, qualifier: 'child in need plan reviewed at least every 6 months' },
      citation: at('2.108 Action and Decisions for the Conference'),
    },
  },
};
