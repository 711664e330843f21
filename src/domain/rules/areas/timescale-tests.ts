import { formatTestReference } from '../test-reference.js';

/**
 * Which deadline-engine tests cover each TS rule, in the full vitest form
 * '<file>::<describe> > <test>'. A rule with at least one reference is marked implemented;
 * registry.test.ts checks that every reference still names a real test. Table rows are named
 * as vitest prints them (one row where the rule yields a date, in a pack that has the rule).
 */
const COMPUTE = 'src/domain/deadlines/compute.test.ts';
const LAWS = 'src/domain/deadlines/compute.properties.test.ts';
const AUTHORISATION = 'src/domain/deadlines/authorisation.test.ts';

const TABLE = 'computeDeadline: every TS rule in every pack';
const EXAMPLES = 'the RULES.md examples';
const KINDS = 'what each kind of rule carries';

const row = (label: string): string => formatTestReference(COMPUTE, TABLE, label);
const example = (title: string): string => formatTestReference(COMPUTE, EXAMPLES, title);
const kind = (title: string): string => formatTestReference(COMPUTE, KINDS, title);
const law = (title: string): string => formatTestReference(LAWS, 'laws of the deadline engine', title);

export const TIMESCALE_TESTS: Readonly<Record<string, readonly string[]>> = {
  TS1: [
    example('TS1 over Christmas: due 14 January 2026, naming the three bank holidays passed over'),
    example('Nottinghamshire counts the decision day as day 1: one working day sooner'),
    law('TS1 is due on a working day, 15 working days on from the strategy discussion'),
  ],
  TS2: [row('TS2 #1 in national from 2026-03-02 → 2026-03-23')],
  TS3: [
    kind('TS3 gives the latest date, with the earliest as a step'),
    'src/domain/conference/due-date.test.ts::conference due date > pre-birth where the 24-week point is later: 15 working days from the decision to convene decide, not from the strategy discussion (000 § 1)',
    row('TS3 #1 in hertfordshire from 2026-08-24 → 2026-05-04'),
  ],
  TS4: [row('TS4 #1 in hertfordshire from 2026-03-06 → 2026-03-06')],
  TS5: [
    example('2025-11-30 + 3 months = 2026-02-28, and the explanation says why'),
    row('TS5 #1 in national from 2026-03-02 → 2026-06-02'),
  ],
  TS6: [
    law('a review is due the same day of the month 6 months on, never beyond that month'),
    row('TS6 #1 in national from 2026-03-02 → 2026-09-02'),
  ],
  TS7: [row('TS7 #1 in newcastle from 2026-03-02 → 2027-12-02')],
  TS8: [row('TS8 #1 in national from 2026-03-02 → 2026-03-16'), 'src/modules/plans/plans.test.ts::a first core group overdue reaches the team manager’s Breaches and, in newcastle, the chair; once held and dated it leaves them (TS8, TS9, CG3)'],
  TS9: [
    'src/modules/plans/plans.test.ts::a first core group overdue reaches the team manager’s Breaches and, in newcastle, the chair; once held and dated it leaves them (TS8, TS9, CG3)',
    row('TS9 #1 in nottinghamshire from 2026-03-02 → 2026-04-13'),
    row('TS9 #2 in national from 2026-03-02 every 4 weeks → 2026-03-30'),
  ],
  TS10: [
    row('TS10 #1 in national from 2026-03-02T10:00 → 2026-03-03'),
    row('TS10 #1 in newcastle from 2026-03-02T10:00 → 2026-03-03T10:00'),
  ],
  TS11: [
    'src/modules/work-queues/queues.test.ts::business support sees booked conferences to invite (soonest first) and held ones whose decisions or approved record have not gone; the chair sees drafts to approve',
    example('Newcastle distributes minutes within 25 working days, over Easter'),
    row('TS11 #1 in national from 2026-03-02 → 2026-03-16'),
  ],
  TS12: [
    example('Pan-Dorset hours are exact time across the change to summer time'),
    law('a report due N working days before a conference on a working day leaves exactly N working days'),
    row('TS12 #1 in national from 2026-03-16T10:00 (initial) → 2026-03-13'),
  ],
  TS13: [
    'src/modules/work-queues/queues.test.ts::a social worker sees their report to share with the family before a booked conference, due by TS13 (TS16 where a parent needs more time), until it is shared',
    example('Pan-Dorset hours on an ordinary day keep the time of day'),
    row('TS13 #1 in national from 2026-03-16T10:00 (initial) → 2026-03-14'),
  ],
  TS14: [row('TS14 #1 in staffordshire from 2026-03-16T10:00 (initial) → 2026-03-12')],
  TS15: [row('TS15 #1 in national from 2026-03-16T10:00 (initial) → 2026-03-14T10:00')],
  TS16: [row('TS16 #1 in newcastle from 2026-03-16 → 2026-03-09'), 'src/modules/work-queues/queues.test.ts::a social worker sees their report to share with the family before a booked conference, due by TS13 (TS16 where a parent needs more time), until it is shared'],
  TS17: [row('TS17 #1 in national from 2026-03-16 → 2026-03-11')],
  TS18: [row('TS18 #1 in national from 2026-03-16 → 2026-03-13')],
  TS19: [row('TS19 #1 in nottinghamshire from 2026-03-16 → 2026-03-02')],
  TS20: [row('TS20 #1 in pan-dorset from 2026-03-02 → 2026-03-23')],
  TS21: [
    row('TS21 #1 in pan-dorset from 2026-03-02 → 2026-03-30'),
    'src/modules/meeting/overrule-review.test.ts::the senior managers are emailed and asked on their list; a further conference they ask for waits for booking by the 4-week date, overdue when missed (TS21)',
    'src/modules/meeting/overrule-review.test.ts::no notice and nothing to review where the chair did not overrule',
    'src/modules/meeting/overrule-review.test.ts::the further conference after an overrule is the only request for the plan: the daily review request does not add a second while it is outstanding (TS21)',
    'src/modules/meeting/overrule-review.test.ts::a further conference asked for after the routine review was requested brings that review forward instead of adding a second (TS21)',
    'src/web/pages/overrules/overrule-pages.test.ts::the service manager finds it on their home page, a refused review keeps what was typed, and a further conference is requested',
    'src/web/pages/overrules/overrule-pages.test.ts::refuses anyone who is not a service manager',
  ],
  TS22: [row('TS22 #1 in pan-dorset from 2026-03-02 → 2026-03-30')],
  TS23: [
    kind('TS23 carries both steps and the holidays of both'),
    row('TS23 #1 in hertfordshire from 2026-03-02 → 2026-03-30'),
  ],
  TS24: [
    row('TS24 #1 in nottinghamshire from 2026-03-02 → 2026-03-30'),
    row('TS24 #2 in national from 2026-03-02 every 2 weeks → 2026-03-16'),
  ],
  TS25: [row('TS25 #1 in national from 2008-03-02 → 2026-03-02')],
  TS26: [
    kind('TS26 in Hertfordshire is a minimum period, not a deadline'),
    row('TS26 #1 in pan-dorset from 2026-03-02 → 2026-09-02'),
  ],
  TS27: [row('TS27 #1 in newcastle from 2026-03-02 → 2026-03-07')],
  TS28: [
    kind('TS28 in Newcastle is the end of the slot, after the start'),
    row('TS28 #1 in staffordshire from 2026-03-16T10:00 → 2026-03-16T09:30'),
  ],
  TS29: [
    row('TS29 #1 in nottinghamshire from 2026-03-02 → 2026-03-02'),
    kind("uses the pack's own fact where it counts from something else"),
  ],
  TS30: [
    formatTestReference(
      AUTHORISATION,
      'needsOutOfTimescaleAuthorisation (TS30)',
      'is needed for an initial conference booked after its TS1 due date, not on or before it',
    ),
    formatTestReference(AUTHORISATION, 'needsOutOfTimescaleAuthorisation (TS30)', 'covers a transfer-in conference (TS2) in every pack'),
    formatTestReference(COMPUTE, 'errors a person can act on', 'explains TS30 is an authorisation, not a date'),
    'src/domain/booking/out-of-timescale.test.ts::TS30 signatories > the second signature approves; the first signatory cannot sign twice; a refusal ends it at once',
    'src/modules/booking/booking-actions.test.ts::TS30: where the pack names two signatories, a late date waits for a second, different service manager; a refusal ends it; two first signatures at once cannot both count',
  ],
};
