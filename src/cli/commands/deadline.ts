import type { Command } from 'commander';
import { Temporal } from 'temporal-polyfill';
import { DIVISIONS, isDivision, type Division } from '../../domain/calendar/division.js';
import { bundledCalendar, type WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { computeDeadline } from '../../domain/deadlines/compute.js';
import { DeadlineError, DeadlineInputError } from '../../domain/deadlines/errors.js';
import type { Deadline } from '../../domain/deadlines/types.js';
import { PACK_IDS, isPackId } from '../../domain/packs/pack-id.js';
import { isTsRuleId } from '../../domain/packs/types.js';
import { writeOutcome } from '../run-command.js';

export interface DeadlineArgs {
  readonly rule: string;
  readonly pack?: string | undefined;
  readonly from?: string | undefined;
  readonly conferenceType?: string | undefined;
  readonly intervalWeeks?: string | undefined;
  readonly calendar?: string | undefined;
  readonly json?: boolean | undefined;
}

export type DeadlineResult = { readonly stdout: string } | { readonly error: string };

/** Where the CLI gets a division's working days; the bundled bank-holiday lists unless a test says otherwise. */
export type CalendarSource = (division: Division) => WorkingCalendar;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

function parseFrom(text: string): Temporal.PlainDate | Temporal.PlainDateTime | null {
  try {
    if (DATE.test(text)) return Temporal.PlainDate.from(text, { overflow: 'reject' });
    if (DATE_TIME.test(text)) return Temporal.PlainDateTime.from(text, { overflow: 'reject' });
  } catch {
    return null;
  }
  return null;
}

const FLAG_FOR_MISSING = {
  conferenceType: '--conference-type initial|review',
  time: '--from YYYY-MM-DDTHH:MM',
  intervalWeeks: '--interval-weeks N',
} as const;

function dueLine(deadline: Deadline): string {
  return deadline.due.kind === 'date' ? deadline.due.date : deadline.due.dateTime;
}

/**
 * `convene deadline <RULE> …` without the process around it: the first line is the due date
 * (or date-time), then the explanation; with `json`, the whole deadline value.
 */
export function runDeadline(args: DeadlineArgs, calendarFor: CalendarSource = bundledCalendar): DeadlineResult {
  const ruleId = args.rule.toUpperCase();
  if (!isTsRuleId(ruleId)) return { error: `Unknown rule "${args.rule}": the timescale rules are TS1 to TS30.` };
  if (!args.pack) return { error: `Say which policy pack with --pack (${PACK_IDS.join(', ')}).` };
  if (!isPackId(args.pack)) return { error: `Unknown pack "${args.pack}": the packs are ${PACK_IDS.join(', ')}.` };
  if (!args.from) return { error: 'Say what to count from with --from YYYY-MM-DD (or YYYY-MM-DDTHH:MM).' };
  const from = parseFrom(args.from);
  if (!from) return { error: `"${args.from}" is not a real date as YYYY-MM-DD or date-time as YYYY-MM-DDTHH:MM.` };
  const type = args.conferenceType;
  if (type !== undefined && type !== 'initial' && type !== 'review') {
    return { error: `--conference-type is initial or review, not "${type}".` };
  }
  let intervalWeeks: number | undefined;
  if (args.intervalWeeks !== undefined) {
    if (!/^\d+$/.test(args.intervalWeeks)) return { error: `--interval-weeks takes a whole number of weeks, not "${args.intervalWeeks}".` };
    intervalWeeks = Number(args.intervalWeeks);
  }
  const division = args.calendar ?? 'england-and-wales';
  if (!isDivision(division)) return { error: `Unknown calendar "${division}": the calendars are ${DIVISIONS.join(', ')}.` };

  try {
    const deadline = computeDeadline({
      ruleId,
      pack: args.pack,
      from,
      conferenceType: type,
      intervalWeeks,
      calendar: calendarFor(division),
    });
    if (args.json) return { stdout: JSON.stringify(deadline, null, 2) };
    return { stdout: `${dueLine(deadline)}\n${deadline.explanation}` };
  } catch (error) {
    if (error instanceof DeadlineInputError && error.missing) {
      return { error: `${error.message} (${FLAG_FOR_MISSING[error.missing]})` };
    }
    if (error instanceof DeadlineError) return { error: error.message };
    throw error;
  }
}

export function register(program: Command): void {
  program
    .command('deadline')
    .description('Compute a statutory timescale (TS1–TS30) in a policy pack and explain it')
    .argument('<rule>', 'the rule id, TS1 to TS30')
    .option('--pack <pack>', `the policy pack: ${PACK_IDS.join(', ')}`)
    .option('--from <date>', 'the fact the rule counts from: YYYY-MM-DD, or YYYY-MM-DDTHH:MM for hour rules')
    .option('--conference-type <type>', 'initial or review, where the rule differs between them')
    .option('--interval-weeks <n>', 'TS9: interval set by the conference; TS24: visit frequency in the plan')
    .option('--calendar <division>', `bank-holiday calendar: ${DIVISIONS.join(', ')}`, 'england-and-wales')
    .option('--json', 'print the whole deadline as JSON')
    .action((rule: string, options: Omit<DeadlineArgs, 'rule'>) => {
      writeOutcome(runDeadline({ ...options, rule }), '\n');
    });
}
