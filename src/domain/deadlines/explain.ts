import { PACKS, parameterOrigin } from '../packs/index.js';
import { amountText, minutesText } from '../packs/describe.js';
import { isDuration, type Duration, type TsParameter } from '../packs/types.js';
import { epochDayOf } from '../calendar/epoch-day.js';
import { formatDate, formatDateTime, formatDayList, monthName } from './format-date.js';
import type { Deadline, DeadlineStep, Due } from './types.js';

// The sentence a page shows beside a due date, e.g. "Due 14 January 2026: 15 working days after
// the strategy discussion on 19 December 2025; 25 and 26 December and 1 January are not working
// days (Hertfordshire: 000_….txt § …)". Built only when someone reads it.

function dueText(due: Due): string {
  return due.kind === 'date' ? formatDate(due.date) : `${formatDate(due.dateTime)} at ${due.dateTime.slice(11, 16)}`;
}

function timeOf(due: Due): string {
  return due.kind === 'dateTime' ? due.dateTime.slice(11, 16) : '';
}

/** "the strategy discussion on 19 December 2025" or "the initial conference at 10:00 on 15 March 2026". */
function factText(d: Deadline): string {
  const value = d.from.value;
  return value.length > 10 ? `the ${d.from.fact} at ${formatDateTime(value)}` : `the ${d.from.fact} on ${formatDate(value)}`;
}

function minutesOfIso(value: string): number {
  const day = epochDayOf(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
  return day * 1440 + Number(value.slice(11, 13)) * 60 + Number(value.slice(14, 16));
}

function amountWithBound(p: Duration): string {
  const amount = amountText(p);
  if (p.unit === 'weeks' && p.shorterMayBeSet) return `at most ${amount}`;
  if (p.unit === 'months' && p.bound === 'earliest') return `at least ${amount}`;
  return amount;
}

function durationBody(d: Deadline, p: Duration): string {
  if (p.unit === 'workingDays' && p.dayOne) {
    return `${amountText(p)}, counting ${factText(d)} as day 1`;
  }
  let body = `${amountWithBound(p)} ${d.direction} ${factText(d)}`;
  if (p.unit === 'months') {
    const fromDay = Number(d.from.value.slice(8, 10));
    const due = d.due.kind === 'date' ? d.due.date : d.due.dateTime;
    if (Number(due.slice(8, 10)) !== fromDay) {
      body += `; ${monthName(Number(due.slice(5, 7)))} ${due.slice(0, 4)} has no ${ordinal(fromDay)}, so the last day of that month`;
    }
  }
  if (p.unit === 'hours' && d.due.kind === 'dateTime') {
    const elapsed = Math.abs(minutesOfIso(d.due.dateTime) - minutesOfIso(d.from.value));
    if (elapsed !== p.n * 60) body += '; the clocks change in between';
  }
  return body;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
}

function stepDue(steps: readonly DeadlineStep[] | undefined, i: number): Due | undefined {
  return steps?.[i]?.due;
}

function body(d: Deadline, p: TsParameter): string {
  if (isDuration(p)) return durationBody(d, p);
  switch (p.unit) {
    case 'sameDay':
      return d.direction === 'before' ? `on or before ${factText(d)}` : `the same day as ${factText(d)}`;
    case 'gestation': {
      const earliest = stepDue(d.steps, 0);
      return (
        `by ${p.latestWeeks} weeks of pregnancy, ${p.termWeeks - p.latestWeeks} weeks before ${factText(d)}` +
        (earliest ? `; not before ${p.earliestWeeks} weeks, ${dueText(earliest)}` : '')
      );
    }
    case 'steps':
      return p.steps
        .map((step, i) => {
          const reached = stepDue(d.steps, i);
          const by = reached && i < p.steps.length - 1 ? ` (by ${dueText(reached)})` : '';
          return i === 0
            ? `${step.label} within ${amountText(step.limit)} of ${factText(d)}${by}`
            : `then ${step.label} within a further ${amountText(step.limit)}${by}`;
        })
        .join(', ');
    case 'conferenceSlot': {
      const parts = [`the conference starts at ${formatDateTime(d.from.value)}`];
      let i = 0;
      const next = (): Due | undefined => stepDue(d.steps, i++);
      if (p.familyMeetsChairMinutesBefore !== undefined) {
        const at = next();
        parts.push(`the family meets the chair at ${at ? timeOf(at) : '?'}, ${minutesText(p.familyMeetsChairMinutesBefore)} before`);
      }
      if (p.professionalsArriveMinutesBefore !== undefined) {
        const at = next();
        parts.push(`professionals arrive by ${at ? timeOf(at) : '?'}, ${minutesText(p.professionalsArriveMinutesBefore)} before`);
      }
      if (p.lengthMinutes !== undefined) {
        const at = next();
        parts.push(`it should end by ${at ? timeOf(at) : '?'}, ${minutesText(p.lengthMinutes)} after it starts`);
      }
      return parts.join('; ');
    }
    case 'age': {
      const birthday = `the ${ordinal(p.years)} birthday of a child born on ${formatDate(d.from.value)}`;
      const due = d.due.kind === 'date' ? d.due.date : d.due.dateTime;
      // Born on 29 February: the earlier day is taken, so the plan never outlasts childhood.
      return due.slice(5, 10) === d.from.value.slice(5, 10) ? birthday : `${birthday}; ${due.slice(0, 4)} has no 29 February, so 28 February`;
    }
    default:
      return describeUncountable(p);
  }
}

function describeUncountable(p: TsParameter): string {
  return p.unit === 'note' ? p.text : p.unit;
}

function qualifierOf(p: TsParameter): string | undefined {
  return p.qualifier;
}

export function explainDeadline(d: Deadline): string {
  const lead = d.bound === 'earliest' ? `Not before ${dueText(d.due)}` : `Due ${dueText(d.due)}`;
  let text = `${lead}: ${body(d, d.parameter)}`;
  const skipped = d.skipped;
  if (skipped.length > 0) {
    text += `; ${formatDayList(skipped.map((day) => day.date))} ${skipped.length === 1 ? 'is not a working day' : 'are not working days'}`;
  }
  const qualifier = qualifierOf(d.parameter);
  if (qualifier) text += `; ${qualifier}`;
  const pack = PACKS[d.pack].name;
  const inherited = parameterOrigin(d.pack, d.ruleId) !== d.pack;
  return `${text} (${pack}${inherited ? ', following the national pack' : ''}: ${d.source})`;
}
