import type { PackId } from './pack-id.js';

/**
 * RC7: the authority's retention schedule, per record type. The procedures leave the periods to
 * each agency's own retention policy (`000` § 10 Administrative Arrangements: every agency keeps
 * conference records by its own retention policy; `002` 2.114: recipients keep the decisions by
 * their policies; `002` 2.157: an unsubstantiated section 47's record is kept by the agency's
 * policy too). None of the five packs states a number, so every pack inherits `national`, whose
 * figures are Convene's defaults for the authority's records manager to confirm or change here.
 */
export const RETENTION_RECORD_TYPES = {
  'case-with-plan': 'A case in which the child had a child protection plan',
  'conference-record': 'Conference records of a child who had no plan',
  'conference-recording': 'Audio or video recordings of a conference',
  'section-47-unsubstantiated': 'A section 47 enquiry whose concerns were not substantiated',
  'referral-no-further-action': 'A contact or referral closed with no further action',
  'case-other': 'Any other case record (assessment, child in need)',
  audit: 'The audit trail',
} as const;

export type RetentionRecordType = keyof typeof RETENTION_RECORD_TYPES;

export interface RetentionEntry {
  readonly type: RetentionRecordType;
  /** How many years after the fact counted from. */
  readonly years: number;
  readonly countFrom: 'eighteenth-birthday' | 'case-closed' | 'event';
  /** Counted from the 18th birthday: never earlier than this many years after the case closed. */
  readonly atLeastYearsAfterClosure?: number;
  /** Counted from the 18th birthday, when neither a date of birth nor an expected date of delivery is recorded. */
  readonly withoutBirthDateYearsAfterClosure?: number;
  /** Kept whatever the date: the record is reviewed but never disposed of by Convene. */
  readonly neverDisposed?: string;
  readonly citation: string;
  /** Set by the authority's administrator (not the pack's default), and when. */
  readonly configuredAt?: string;
}

export interface RetentionSchedule {
  readonly pack: PackId;
  readonly entries: Readonly<Record<RetentionRecordType, RetentionEntry>>;
}

const AGENCY_POLICY = '000_94fab553c2db9a47.txt § 10 Administrative Arrangements; 002_61563a3284bb8811.txt 2.114';

const NATIONAL: RetentionSchedule['entries'] = {
  'case-with-plan': {
    type: 'case-with-plan', years: 7, countFrom: 'eighteenth-birthday', atLeastYearsAfterClosure: 6, withoutBirthDateYearsAfterClosure: 25,
    citation: AGENCY_POLICY,
  },
  'conference-record': {
    type: 'conference-record', years: 7, countFrom: 'eighteenth-birthday', atLeastYearsAfterClosure: 6, withoutBirthDateYearsAfterClosure: 25,
    citation: `${AGENCY_POLICY}; 002_61563a3284bb8811.txt 2.161`,
  },
  // RC5: a recording is kept with the written record it belongs to, for as long (`003` record of conference).
  'conference-recording': {
    type: 'conference-recording', years: 7, countFrom: 'eighteenth-birthday', atLeastYearsAfterClosure: 6, withoutBirthDateYearsAfterClosure: 25,
    citation: `${AGENCY_POLICY}; 003_16eb1834ae885591.txt record of conference`,
  },
  'section-47-unsubstantiated': { type: 'section-47-unsubstantiated', years: 6, countFrom: 'case-closed', citation: '002_61563a3284bb8811.txt 2.157' },
  'referral-no-further-action': { type: 'referral-no-further-action', years: 3, countFrom: 'case-closed', citation: '002_61563a3284bb8811.txt 2.157' },
  'case-other': { type: 'case-other', years: 6, countFrom: 'case-closed', citation: '002_61563a3284bb8811.txt 2.157' },
  audit: {
    type: 'audit', years: 7, countFrom: 'event',
    neverDisposed: 'The audit trail is hash-chained and append-only: rows past their date are reported, never deleted, so the chain still proves the trail whole.',
    citation: AGENCY_POLICY,
  },
};

/** Per pack; a pack that states nothing inherits `national` (RULES.md, Packs). */
const SCHEDULES: Partial<Record<PackId, RetentionSchedule['entries']>> = { national: NATIONAL };

export function retentionSchedule(pack: PackId): RetentionSchedule {
  return { pack, entries: SCHEDULES[pack] ?? NATIONAL };
}

/** One entry in words, for the rule registry and the rules page (no file names, no codes). */
export function describeRetentionEntry(entry: RetentionEntry): string {
  const from = { 'eighteenth-birthday': 'the 18th birthday', 'case-closed': 'the case closed', event: 'the event' }[entry.countFrom];
  const parts = [`${entry.years} years after ${from}`];
  if (entry.atLeastYearsAfterClosure !== undefined) parts.push(`at least ${entry.atLeastYearsAfterClosure} years after the case closed`);
  if (entry.withoutBirthDateYearsAfterClosure !== undefined) parts.push(`${entry.withoutBirthDateYearsAfterClosure} years after the case closed when no date of birth is recorded`);
  if (entry.neverDisposed) parts.push('reviewed, never deleted');
  return parts.join('; ');
}

/** The schedule in words, keyed by what each record is. */
export function describeRetentionSchedule(schedule: RetentionSchedule): Record<string, string> {
  return Object.fromEntries(Object.values(schedule.entries).map((e) => [RETENTION_RECORD_TYPES[e.type], describeRetentionEntry(e)]));
}
