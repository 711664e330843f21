import { Temporal } from 'temporal-polyfill';
import { CalendarRangeError, type WorkingCalendar } from '../calendar/working-calendar.js';
import { describeParameter } from '../packs/describe.js';
import type { Duration, TsParameter } from '../packs/types.js';
import { addMonthsToEpochDay, epochDayOf, isoDateOf, isoDateTimeOf } from '../calendar/epoch-day.js';
import { ComputedDeadline } from './deadline.js';
import { DeadlineInputError } from './errors.js';
import { addLondonMinutes } from './london-time.js';
import { noDueDate, resolveRule, type ResolvedRule } from './rule-table.js';
import type { ConferenceType, Deadline, DeadlineInput, DeadlineStep, Due } from './types.js';

const LONDON = 'Europe/London' as const;
const NO_SKIP = Number.NaN;

function dateDue(epochDay: number): Due {
  return { kind: 'date', date: isoDateOf(epochDay) };
}

function dateTimeDue(localMinutes: number): Due {
  return { kind: 'dateTime', dateTime: isoDateTimeOf(localMinutes), timeZone: LONDON };
}

function rangeError(error: unknown): never {
  if (error instanceof CalendarRangeError) {
    throw new DeadlineInputError(error.message, { cause: error });
  }
  throw error;
}

/** A day-based duration applied to a day number; `sign` is +1 after the fact, -1 before it. */
function shiftDay(calendar: WorkingCalendar, epochDay: number, d: Duration, sign: number): number {
  switch (d.unit) {
    case 'workingDays':
      try {
        return calendar.addWorkingDaysEpoch(epochDay, sign * d.n, sign > 0 && d.dayOne === true);
      } catch (error) {
        return rangeError(error);
      }
    case 'calendarDays':
      return epochDay + sign * d.n;
    case 'weeks':
      return epochDay + sign * 7 * d.n;
    case 'months':
      return addMonthsToEpochDay(epochDay, sign * d.n);
    case 'hours':
      throw new DeadlineInputError('An hour count cannot be applied to a date alone.');
  }
}

function checkedWeeks(rule: ResolvedRule, weeks: number | undefined, what: string): number {
  if (weeks === undefined) {
    throw new DeadlineInputError(
      `${rule.ruleId} in ${rule.packName}: ${what}, so the interval must be given in weeks.`,
      { missing: 'intervalWeeks' },
    );
  }
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 104) {
    throw new DeadlineInputError(`The interval must be a whole number of weeks from 1 to 104, not ${weeks}.`);
  }
  return weeks;
}

/** The parameter that applies to this particular question: one side of a pair, an interval filled in. */
function appliedParameter(rule: ResolvedRule, input: DeadlineInput): TsParameter {
  const p = rule.parameter;
  if (p.unit === 'byConferenceType') {
    const type = input.conferenceType;
    if (type !== 'initial' && type !== 'review') {
      throw new DeadlineInputError(
        `${rule.ruleId} in ${rule.packName} depends on the kind of conference (${describeParameter(p)}): ` +
          'say whether it is an initial or a review conference.',
        { missing: 'conferenceType' },
      );
    }
    return p[type];
  }
  if (p.unit === 'setElsewhere') {
    const by = p.by === 'conference' ? 'the conference sets this interval' : "the child's plan sets the visit frequency";
    const n = checkedWeeks(rule, input.intervalWeeks, by);
    return { unit: 'weeks', n, qualifier: p.by === 'conference' ? 'interval set by the conference' : "visit frequency in the child's plan" };
  }
  if (p.unit === 'weeks' && p.shorterMayBeSet && input.intervalWeeks !== undefined) {
    const n = checkedWeeks(rule, input.intervalWeeks, 'a shorter interval may be set');
    if (n < p.n) return { unit: 'weeks', n, qualifier: `set shorter than the pack's ${p.n} weeks` };
  }
  return p;
}

function needsTime(rule: ResolvedRule, p: TsParameter): DeadlineInputError {
  return new DeadlineInputError(
    `${rule.ruleId} in ${rule.packName} is counted in hours or minutes (${describeParameter(p)}): ` +
      `give the ${rule.fact.fact}'s time as well as its date, as YYYY-MM-DDTHH:MM.`,
    { missing: 'time' },
  );
}

/**
 * The due date (or date-time) of a TS rule in a pack, counted from the rule's fact
 * (RULE_FACTS) by the rules of RULES.md § 0. Throws NotApplicableError where the pack gives no
 * date, DeadlineInputError where the input cannot answer the question.
 */
export function computeDeadline(input: DeadlineInput): Deadline {
  const rule = resolveRule(input.pack, input.ruleId);
  const conferenceType: ConferenceType | undefined = input.conferenceType;
  if (conferenceType !== undefined && conferenceType !== 'initial' && conferenceType !== 'review') {
    throw new DeadlineInputError(`A conference is either initial or review, not "${String(conferenceType)}".`, {
      missing: 'conferenceType',
    });
  }
  const p = appliedParameter(rule, input);
  const from = input.from;
  const fromDay = epochDayOf(from.year, from.month, from.day);
  const hasTime = from instanceof Temporal.PlainDateTime;
  const fromLocal = hasTime ? fromDay * 1440 + from.hour * 60 + from.minute : -1;
  const fact =
    p.countedFrom ?? (conferenceType !== undefined && rule.fact.fact === 'conference' ? `${conferenceType} conference` : rule.fact.fact);
  const fromFact = { fact, value: hasTime ? isoDateTimeOf(fromLocal) : isoDateOf(fromDay) };
  const calendar = input.calendar;
  let direction = rule.fact.direction;
  const sign = direction === 'after' ? 1 : -1;
  let due: Due;
  let steps: DeadlineStep[] | undefined;
  let usedCalendar: WorkingCalendar | null = null;
  let skipAfter = NO_SKIP;
  let skipUntil = NO_SKIP;

  switch (p.unit) {
    case 'workingDays': {
      const dueDay = shiftDay(calendar, fromDay, p, sign);
      usedCalendar = calendar;
      if (sign > 0) {
        skipAfter = p.dayOne ? fromDay - 1 : fromDay;
        skipUntil = dueDay;
      } else {
        skipAfter = dueDay;
        skipUntil = fromDay - 1;
      }
      due = dateDue(dueDay);
      break;
    }
    case 'calendarDays':
    case 'weeks':
    case 'months':
      due = dateDue(shiftDay(calendar, fromDay, p, sign));
      break;
    case 'hours':
      if (!hasTime) throw needsTime(rule, p);
      due = dateTimeDue(addLondonMinutes(fromLocal, sign * 60 * p.n));
      break;
    case 'sameDay':
      due = dateDue(fromDay);
      break;
    case 'age':
      due = dateDue(addMonthsToEpochDay(fromDay, 12 * p.years));
      break;
    case 'gestation': {
      const latest = fromDay - 7 * (p.termWeeks - p.latestWeeks);
      const earliest = fromDay - 7 * (p.termWeeks - p.earliestWeeks);
      due = dateDue(latest);
      steps = [
        { label: `earliest: ${p.earliestWeeks} weeks of pregnancy`, due: dateDue(earliest) },
        { label: `latest: ${p.latestWeeks} weeks of pregnancy`, due },
      ];
      break;
    }
    case 'steps': {
      let day = fromDay;
      steps = [];
      for (const step of p.steps) {
        day = shiftDay(calendar, day, step.limit, sign);
        steps.push({ label: step.label, due: dateDue(day) });
        if (step.limit.unit === 'workingDays') usedCalendar = calendar;
      }
      due = dateDue(day);
      if (usedCalendar) {
        skipAfter = fromDay;
        skipUntil = day;
      }
      break;
    }
    case 'conferenceSlot': {
      if (!hasTime) throw needsTime(rule, p);
      steps = [];
      if (p.familyMeetsChairMinutesBefore !== undefined) {
        steps.push({ label: 'family meets the chair', due: dateTimeDue(addLondonMinutes(fromLocal, -p.familyMeetsChairMinutesBefore)) });
      }
      if (p.professionalsArriveMinutesBefore !== undefined) {
        steps.push({ label: 'professionals arrive', due: dateTimeDue(addLondonMinutes(fromLocal, -p.professionalsArriveMinutesBefore)) });
      }
      if (p.lengthMinutes !== undefined) {
        steps.push({ label: 'conference ends', due: dateTimeDue(addLondonMinutes(fromLocal, p.lengthMinutes)) });
        if (steps.length === 1) direction = 'after';
      }
      const first = steps[0];
      if (!first) throw noDueDate(rule);
      due = first.due;
      break;
    }
    default:
      throw noDueDate(rule);
  }

  const bound = p.unit === 'months' && p.bound === 'earliest' ? 'earliest' : 'latest';
  return new ComputedDeadline(
    rule.ruleId,
    rule.pack,
    due,
    direction,
    bound,
    fromFact,
    conferenceType,
    p,
    rule.source,
    steps,
    usedCalendar,
    skipAfter,
    skipUntil,
  );
}
