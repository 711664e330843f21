import { definePack } from './define-pack.js';

const FILE = '001_fcf727783d989d19.txt';

const ROLES = 'Roles and Responsibilities of Practitioners attending Child Protection Conferences';

/**
 * Stoke-on-Trent and Staffordshire practice guidance (`001`). It covers practitioners' reports
 * and attendance only; every other timescale comes from the national pack.
 */
export const staffordshire = definePack({ id: 'staffordshire', name: 'Staffordshire and Stoke-on-Trent', source: FILE }, (cite) => ({
  TS14: cite(`${ROLES}: Prior to the Conference`, {
    unit: 'workingDays',
    n: 2,
    qualifier: 'best practice; a report is still accepted on the day',
    note: 'Goes to the Independent Chair (Staffordshire) or the Conference and Review Manager (Stoke-on-Trent); initial and review alike.',
  }),
  TS28: cite(`${ROLES}: Ensure a timely arrival at child protection conference`, { unit: 'conferenceSlot', professionalsArriveMinutesBefore: 30 }),
}));
