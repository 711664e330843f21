import { citing } from './parameters.js';
import type { Pack } from './types.js';

const FILE = '001_fcf727783d989d19.txt';
const at = citing(FILE);

const ROLES = 'Roles and Responsibilities of Practitioners attending Child Protection Conferences';

/**
 * Stoke-on-Trent and Staffordshire practice guidance (`001`). It covers practitioners' reports
 * and attendance only; every other timescale comes from the national pack.
 */
export const staffordshire: Pack = {
  id: 'staffordshire',
  name: 'Staffordshire and Stoke-on-Trent',
  source: FILE,
  rules: {
    TS14: {
      parameter: {
        unit: 'workingDays',
        n: 2,
        qualifier: 'best practice; a report is still accepted on the day',
        note: 'Goes to the Independent Chair (Staffordshire) or the Conference and Review Manager (Stoke-on-Trent); initial and review alike.',
      },
      citation: at(`${ROLES}: Prior to the Conference`),
    },
    TS28: {
      parameter: { unit: 'conferenceSlot', professionalsArriveMinutesBefore: 30 },
      citation: at(`${ROLES}: Ensure a timely arrival at child protection conference`),
    },
  },
};
