import { RETENTION_RECORD_TYPES, type RetentionEntry, type RetentionRecordType, type RetentionSchedule } from '../packs/retention.js';
import type { RuleProblem } from '../rules/rule-problem.js';

/**
 * RC7: the authority's administrator sets its own period per record type; a type it has not set
 * keeps the pack's default. Pure: rows in, schedule out. The audit trail's entry is not offered:
 * the trail is never disposed of (its note says why), so a period there would change nothing.
 */
export const CONFIGURABLE_TYPES: readonly RetentionRecordType[] = (Object.keys(RETENTION_RECORD_TYPES) as RetentionRecordType[]).filter((t) => t !== 'audit');

export const COUNT_FROM = {
  'eighteenth-birthday': 'the child’s 18th birthday',
  'case-closed': 'the day the case closed',
} as const;
export type ConfigurableCountFrom = keyof typeof COUNT_FROM;

export interface ConfiguredPeriod {
  recordType: string;
  years: number;
  countFrom: string;
  atLeastYearsAfterClosure: number | null;
  withoutBirthDateYearsAfterClosure: number | null;
  updatedAt?: Date;
}

/** The pack's schedule with the authority's own periods laid over it; unknown types in the rows are ignored. */
export function configuredSchedule(base: RetentionSchedule, rows: readonly ConfiguredPeriod[]): RetentionSchedule {
  const entries = { ...base.entries } as Record<RetentionRecordType, RetentionEntry>;
  for (const row of rows) {
    const type = row.recordType as RetentionRecordType;
    if (!CONFIGURABLE_TYPES.includes(type)) continue;
    const birthday = row.countFrom === 'eighteenth-birthday';
    entries[type] = {
      type, years: row.years, countFrom: birthday ? 'eighteenth-birthday' : 'case-closed',
      ...(birthday && row.atLeastYearsAfterClosure !== null ? { atLeastYearsAfterClosure: row.atLeastYearsAfterClosure } : {}),
      ...(birthday && row.withoutBirthDateYearsAfterClosure !== null ? { withoutBirthDateYearsAfterClosure: row.withoutBirthDateYearsAfterClosure } : {}),
      citation: 'The authority’s own retention schedule, set by its administrator',
      ...(row.updatedAt ? { configuredAt: row.updatedAt.toISOString() } : {}),
    };
  }
  return { pack: base.pack, entries };
}

/** The period as the form holds it: a birthday-counted entry's two floors; none for one counted from closure. */
export function periodOf(entry: RetentionEntry): Omit<ConfiguredPeriod, 'updatedAt'> {
  const birthday = entry.countFrom === 'eighteenth-birthday';
  return {
    recordType: entry.type, years: entry.years, countFrom: birthday ? 'eighteenth-birthday' : 'case-closed',
    atLeastYearsAfterClosure: birthday ? (entry.atLeastYearsAfterClosure ?? null) : null,
    withoutBirthDateYearsAfterClosure: birthday ? (entry.withoutBirthDateYearsAfterClosure ?? null) : null,
  };
}

/**
 * Which types the new periods may bring into review sooner than the old ones: fewer years, a lower
 * or removed floor, or a different starting point (a count from closure is usually far shorter than
 * one from the 18th birthday, and the other way can be shorter for a case that closed late).
 */
export function shortenedTypes(old: RetentionSchedule, next: readonly Omit<ConfiguredPeriod, 'updatedAt'>[]): RetentionRecordType[] {
  const out: RetentionRecordType[] = [];
  for (const n of next) {
    const type = n.recordType as RetentionRecordType;
    const o = periodOf(old.entries[type]);
    const lower = (a: number | null, b: number | null) => a !== null && (b === null || b < a);
    if (n.countFrom !== o.countFrom || n.years < o.years || lower(o.atLeastYearsAfterClosure, n.atLeastYearsAfterClosure) || lower(o.withoutBirthDateYearsAfterClosure, n.withoutBirthDateYearsAfterClosure)) out.push(type);
  }
  return out;
}

/** What changed, for the audit trail: old and new values of each type that differs. */
export function scheduleChanges(old: RetentionSchedule, next: readonly Omit<ConfiguredPeriod, 'updatedAt'>[]) {
  return next
    .map((n) => ({ type: n.recordType, old: periodOf(old.entries[n.recordType as RetentionRecordType]), new: n }))
    .filter((c) => JSON.stringify({ ...c.old, recordType: '' }) !== JSON.stringify({ ...c.new, recordType: '' }))
    .map((c) => ({ type: c.type, old: { ...c.old, recordType: undefined }, new: { ...c.new, recordType: undefined } }));
}

/** The rules a period keeps beyond the form's types: floors only where counted from the birthday, and never below the count itself. */
export function periodProblems(p: Omit<ConfiguredPeriod, 'updatedAt'>): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const field = (name: string) => `${name}-${p.recordType}`;
  if (p.countFrom === 'case-closed' && (p.atLeastYearsAfterClosure !== null || p.withoutBirthDateYearsAfterClosure !== null)) {
    if (p.atLeastYearsAfterClosure !== null) problems.push({ field: field('atLeast'), message: 'Leave this empty: the period already counts from the day the case closed' });
    if (p.withoutBirthDateYearsAfterClosure !== null) problems.push({ field: field('withoutBirth'), message: 'Leave this empty: the period already counts from the day the case closed' });
  }
  if (p.countFrom === 'eighteenth-birthday' && p.withoutBirthDateYearsAfterClosure === null) {
    problems.push({ field: field('withoutBirth'), message: 'Enter how many years after closure a record with no date of birth is kept' });
  }
  return problems;
}
