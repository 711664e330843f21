import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { caseRef, personRef } from './people.js';
import { instant, day, userRef, organisationRef, id, version, done, pending } from './columns.js';

/**
 * RC7: a legal hold keeps a case from disposal whatever its retention date (care proceedings, a
 * complaint, an inquiry). One live hold per case; lifting it keeps the row, with who and why.
 */
export const retentionHolds = pgTable(
  'retention_holds',
  {
    ...id(),
    caseId: caseRef('case_id').notNull(),
    reason: text('reason').notNull(),
    ...done('set'),
    ...pending('lifted'),
    liftReason: text('lift_reason'),
  },
  (t) => [uniqueIndex('retention_holds_live').on(t.caseId).where(sql`${t.liftedAt} is null`)],
);

/**
 * RC7: the disposal of a case's records, proposed by one person and approved by a different one.
 * What stays after disposal is this row and the audit trail: the record type, the ids, the schedule
 * entry and dates, who proposed and who approved. No name, date of birth or text about the child.
 */
export const recordDisposals = pgTable(
  'record_disposals',
  {
    ...id(),
    caseId: caseRef('case_id').notNull(),
    childId: uuid('child_id').notNull(),
    organisationId: organisationRef('organisation_id').notNull(),
    status: text('status').notNull(), // proposed | disposed | withdrawn
    recordType: text('record_type').notNull(),
    scheduleEntry: jsonb('schedule_entry').$type<Record<string, unknown>>().notNull(),
    dueOn: day('due_on').notNull(),
    recordIds: jsonb('record_ids').$type<Record<string, string[]>>().notNull().default(sql`'{}'::jsonb`),
    ...done('proposed', { byRequired: true }),
    approvedBy: userRef('approved_by'),
    disposedAt: instant('disposed_at'),
    ...pending('withdrawn'),
    ...version(),
  },
  (t) => [
    uniqueIndex('record_disposals_live').on(t.caseId).where(sql`${t.status} in ('proposed', 'disposed')`),
    index('record_disposals_org').on(t.organisationId),
  ],
);

/**
 * RC7 subject access (UK GDPR Articles 12, 15): who asked, about whom, when it arrived, when the
 * requester's identity was checked, who answers it, and the release of the redacted bundle.
 */
export const subjectAccessRequests = pgTable(
  'subject_access_requests',
  {
    ...id(),
    organisationId: organisationRef('organisation_id').notNull(),
    childId: personRef('child_id').notNull(),
    requesterName: text('requester_name').notNull(),
    relationship: text('relationship').notNull(),
    /** The requester's own person record, where they are in ours (a parent): their name is not withheld. */
    requesterPersonId: personRef('requester_person_id'),
    receivedOn: day('received_on').notNull(),
    identityChecked: boolean('identity_checked').notNull().default(false),
    identityCheckedOn: day('identity_checked_on'),
    identityEvidence: text('identity_evidence'),
    responsibleUserId: userRef('responsible_user_id').notNull(),
    ...done('recorded'),
    releasedOn: day('released_on'),
    releaseMethod: text('release_method'),
    releasedBy: userRef('released_by'),
    bundleSha256: text('bundle_sha256'),
    /** UK GDPR Art. 12(3): a complex request extended by two further months, recorded before the first month ran out. */
    extendedOn: day('extended_on'),
    extensionReason: text('extension_reason'),
    extendedBy: userRef('extended_by'),
    ...version(),
  },
  (t) => [index('subject_access_requests_responsible').on(t.responsibleUserId), index('subject_access_requests_child').on(t.childId)],
);

/**
 * RC7: the authority's own retention period per record type, set by its administrator. A type with
 * no row here keeps the pack's default (src/domain/packs/retention.ts).
 */
export const retentionScheduleEntries = pgTable(
  'retention_schedule_entries',
  {
    ...id(),
    organisationId: organisationRef('organisation_id').notNull(),
    recordType: text('record_type').notNull(),
    years: integer('years').notNull(),
    countFrom: text('count_from').notNull(), // eighteenth-birthday | case-closed | event
    atLeastYearsAfterClosure: integer('at_least_years_after_closure'),
    withoutBirthDateYearsAfterClosure: integer('without_birth_date_years_after_closure'),
    ...done('updated', { byRequired: true }),
    ...version(),
  },
  (t) => [uniqueIndex('retention_schedule_entries_type').on(t.organisationId, t.recordType)],
);
