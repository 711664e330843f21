import { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { computeDeadline, deadlineState, DeadlineError, type Deadline } from '../../domain/deadlines/index.js';
import type { PackId } from '../../domain/packs/pack-id.js';

export interface WorkItem {
  title: string;
  detail?: string | undefined;
  href: string;
  dueDate: string | null;
  state: string | null;
  explanation: string | null;
  /** Sorting key: earlier first; items with no date last. */
  sortKey: string;
}

export interface QueueContext {
  calendar: WorkingCalendar;
  now: Temporal.PlainDateTime;
  pack: PackId;
}

const STATE_WORDS: Record<string, string> = {
  'due-later': 'due later', 'due-soon': 'due soon', 'due-today': 'due today', overdue: 'overdue', met: 'met', 'met-late': 'met late', 'met-early': 'early',
};

/** A deadline's place in a queue, worked out now from the rule and the fact: never stored. */
export function deadlineItem(
  ctx: QueueContext,
  rule: { ruleId: string; pack: PackId; from: string; conferenceType?: 'initial' | 'review'; intervalWeeks?: number },
  item: Omit<WorkItem, 'dueDate' | 'state' | 'explanation' | 'sortKey'>,
): WorkItem {
  let deadline: Deadline;
  try {
    deadline = computeDeadline({
      ruleId: rule.ruleId, pack: rule.pack, from: Temporal.PlainDate.from(rule.from), calendar: ctx.calendar,
      conferenceType: rule.conferenceType, intervalWeeks: rule.intervalWeeks,
    });
  } catch (error) {
    if (!(error instanceof DeadlineError)) throw error;
    return { ...item, dueDate: null, state: null, explanation: error.message, sortKey: '9999' };
  }
  return computedDeadlineItem(ctx, deadline, item);
}

/** A deadline already computed (e.g. a report's TS14 from the conference start) as a queue item. */
export function computedDeadlineItem(ctx: QueueContext, deadline: Deadline, item: Omit<WorkItem, 'dueDate' | 'state' | 'explanation' | 'sortKey'>): WorkItem {
  const due = deadline.due.kind === 'date' ? deadline.due.date.toString() : deadline.due.dateTime.toString();
  let state: string | null;
  try {
    const s = deadlineState(deadline, ctx.now, null, ctx.calendar);
    state = s.state === 'overdue' ? `overdue by ${s.workingDaysOverdue} working day${s.workingDaysOverdue === 1 ? '' : 's'}` : (STATE_WORDS[s.state] ?? s.state);
  } catch {
    state = null; // today outside the calendar's range: the date itself still stands
  }
  return { ...item, dueDate: due.slice(0, 10), state, explanation: deadline.explanation, sortKey: due };
}

/**
 * A front-door date that is not one of the TS rules (FD1 decision, FD4 core assessment): the due
 * date is worked out by the caller from the pack-independent rule, the state here.
 */
export function datedItem(ctx: QueueContext, due: Temporal.PlainDate, explanation: string, item: Omit<WorkItem, 'dueDate' | 'state' | 'explanation' | 'sortKey'>): WorkItem {
  const today = ctx.now.toPlainDate();
  const cmp = Temporal.PlainDate.compare(due, today);
  let state: string;
  if (cmp > 0) state = 'due later';
  else if (cmp === 0) state = 'due today';
  else {
    const late = ctx.calendar.workingDaysBetween(due, today);
    state = `overdue by ${late} working day${late === 1 ? '' : 's'}`;
  }
  return { ...item, dueDate: due.toString(), state, explanation, sortKey: due.toString() };
}

export function undatedItem(item: Omit<WorkItem, 'dueDate' | 'state' | 'explanation' | 'sortKey'>, sortKey = '9999'): WorkItem {
  return { ...item, dueDate: null, state: null, explanation: null, sortKey };
}

export function mostUrgentFirst(items: WorkItem[]): WorkItem[] {
  return [...items].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
}
