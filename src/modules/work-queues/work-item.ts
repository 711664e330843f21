import { Temporal } from 'temporal-polyfill';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.js';
import { computeDeadline, deadlineState, DeadlineError, type Deadline } from '../../domain/deadlines/index.js';
import type { PackId } from '../../domain/packs/pack-id.js';

export interface WorkItem {
  title: string;
  detail?: string | undefined;
  href: string;
  /**
   * The children this item shows (names them or links to their record): each is audited as a
   * disclosure when the home page lists the item (issue 19). Required, so that every new kind of
   * item must say which children it shows: an empty list only when it names none.
   */
  childIds: readonly string[];
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

/**
 * The one ordering every queue uses: overdue items first, the most overdue (earliest due) at the
 * top; then items with a due date, soonest first; then items with no due date in their own order.
 */
function urgencyRank(item: WorkItem): [number, string] {
  if (item.dueDate === null) return [2, item.sortKey];
  return [item.state?.startsWith('overdue') ? 0 : 1, item.sortKey];
}

export function compareUrgency(a: WorkItem, b: WorkItem): number {
  const [ra, ka] = urgencyRank(a);
  const [rb, kb] = urgencyRank(b);
  if (ra !== rb) return ra - rb;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function mostUrgentFirst(items: WorkItem[]): WorkItem[] {
  return [...items].sort(compareUrgency);
}

/**
 * A person's sections in the same order as their items: a section whose most urgent item is
 * overdue comes before one whose items are only due later, so a visit weeks overdue is never
 * below a review due next month. Sections with nothing dated keep their place after those.
 */
export function sectionsMostUrgentFirst<S extends { items: readonly WorkItem[] }>(sections: readonly S[]): S[] {
  const top = (s: S): WorkItem | undefined => mostUrgentFirst([...s.items])[0];
  return sections
    .map((s, index) => ({ s, index, first: top(s) }))
    .sort((a, b) => {
      const aDated = a.first?.dueDate != null;
      const bDated = b.first?.dueDate != null;
      if (aDated && bDated) return compareUrgency(a.first!, b.first!) || a.index - b.index;
      if (aDated !== bDated) return aDated ? -1 : 1;
      return a.index - b.index;
    })
    .map(({ s }) => ({ ...s, items: mostUrgentFirst([...s.items]) }));
}
