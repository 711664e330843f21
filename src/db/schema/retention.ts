import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './accounts.js';
import { cases, people } from './people.js';
import { id } from './columns.js';

/**
 * RC7: a legal hold keeps a case from disposal whatever its retention date (care proceedings, a
 * complaint, an inquiry). One live hold per case; lifting it keeps the row, with who and why.
 */
export const retentionHolds = pgTable(
  'retention_holds',
  {
    ...id(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    reason: text('reason').notNull(),
    setBy: uuid('set_by').references(() => users.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
    liftedBy: uuid('lifted_by').references(() => users.id),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
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
    caseId: uuid('case_id').notNull().references(() => cases.id),
    childId: uuid('child_id').notNull(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    status: text('status').notNull(), // proposed | disposed | withdrawn
    recordType: text('record_type').notNull(),
    scheduleEntry: jsonb('schedule_entry').$type<Record<string, unknown>>().notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    recordIds: jsonb('record_ids').$type<Record<string, string[]>>().notNull().default(sql`'{}'::jsonb`),
    proposedBy: uuid('proposed_by').notNull().references(() => users.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    approvedBy: uuid('approved_by').references(() => users.id),
    disposedAt: timestamp('disposed_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
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
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    childId: uuid('child_id').notNull().references(() => people.id),
    requesterName: text('requester_name').notNull(),
    relationship: text('relationship').notNull(),
    /** The requester's own person record, where they are in ours (a parent): their name is not withheld. */
    requesterPersonId: uuid('requester_person_id').references(() => people.id),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    identityChecked: boolean('identity_checked').notNull().default(false),
    identityCheckedOn: date('identity_checked_on', { mode: 'string' }),
    identityEvidence: text('identity_evidence'),
    responsibleUserId: uuid('responsible_user_id').notNull().references(() => users.id),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    releasedOn: date('released_on', { mode: 'string' }),
    releaseMethod: text('release_method'),
    releasedBy: uuid('released_by').references(() => users.id),
    bundleSha256: text('bundle_sha256'),
    /** UK GDPR Art. 12(3): a complex request extended by two further months, recorded before the first month ran out. */
    extendedOn: date('extended_on', { mode: 'string' }),
    extensionReason: text('extension_reason'),
    extendedBy: uuid('extended_by').references(() => users.id),
    version: integer('version').notNull().default(1),
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
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    recordType: text('record_type').notNull(),
    years: integer('years').notNull(),
    countFrom: text('count_from').notNull(), // eighteenth-birthday | case-closed | event
    atLeastYearsAfterClosure: integer('at_least_years_after_closure'),
    withoutBirthDateYearsAfterClosure: integer('without_birth_date_years_after_closure'),
    updatedBy: uuid('updated_by').notNull().references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('retention_schedule_entries_type').on(t.organisationId, t.recordType)],
);
