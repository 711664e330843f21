import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { personRef } from './people.js';
import { instant, userRef, organisationRef, id, done } from './columns.js';

/**
 * RG2: the agencies and call-back numbers the administrator recognises for the enquiry service
 * (police control rooms, hospital emergency departments, out-of-hours teams).
 */
export const recognisedCallers = pgTable(
  'recognised_callers',
  {
    ...id(),
    organisationId: organisationRef('organisation_id').notNull(),
    agency: text('agency').notNull(),
    agencyKind: text('agency_kind').notNull(), // police | health | out-of-hours | other
    phone: text('phone').notNull(), // normalised: digits only, national form (0…)
    active: boolean('active').notNull().default(true),
    ...done('added'),
  },
  (t) => [uniqueIndex('recognised_callers_phone').on(t.organisationId, t.phone)],
);

export interface EnquiryQuestion {
  given: string;
  family: string;
  dob: string | null;
  postcode: string | null;
  /** A parent's name or two; absent on questions asked before parents' names were taken. */
  parents?: { given: string; family: string }[];
}
export interface EnquiryCandidateShown { personId: string; name: string; score: number; strength: string }
export interface EnquiryNotice { kind: string; userId: string | null; childId: string | null; outboxMessageId: string | null }

/**
 * RG2–RG4: one enquiry, from the caller's check to the answer given: who asked, what they asked,
 * every candidate shown, the child chosen (or none), the answer exactly as shown, the advice given
 * for an unknown child, and who was told.
 */
export const enquiries = pgTable(
  'enquiries',
  {
    ...id(),
    organisationId: organisationRef('organisation_id').notNull(),
    takenBy: userRef('taken_by').notNull(),
    callerName: text('caller_name').notNull(),
    callerRole: text('caller_role').notNull(),
    callerAgency: text('caller_agency').notNull(),
    callbackNumber: text('callback_number').notNull(),
    recognisedCallerId: uuid('recognised_caller_id').references(() => recognisedCallers.id),
    unrecognisedReason: text('unrecognised_reason'),
    status: text('status').notNull(), // open | answered | unknown-child | abandoned
    questions: jsonb('questions').$type<EnquiryQuestion[]>().notNull().default([]),
    shown: jsonb('shown').$type<EnquiryCandidateShown[]>().notNull().default([]),
    childId: personRef('child_id'),
    answer: jsonb('answer').$type<string[]>(),
    unknownKey: text('unknown_key'),
    advice: text('advice'),
    earlierEnquiryId: uuid('earlier_enquiry_id'),
    notices: jsonb('notices').$type<EnquiryNotice[]>().notNull().default([]),
    startedAt: instant('started_at').notNull(),
    closedAt: instant('closed_at'),
  },
  (t) => [index('enquiries_started').on(t.organisationId, t.startedAt), index('enquiries_child').on(t.childId), index('enquiries_unknown').on(t.unknownKey)],
);

/**
 * RG2 for machines: a police or health system's credential for `POST /api/v1/enquiries`. The key
 * is shown once; only its SHA-256 is kept, found by its public prefix. Each client acts as its own
 * service account (an enquirer who cannot sign in) and calls back on a recognised line.
 */
export const apiClients = pgTable(
  'api_clients',
  {
    ...id(),
    agency: text('agency').notNull(),
    userId: userRef('user_id').notNull(),
    recognisedCallerId: uuid('recognised_caller_id').notNull().references(() => recognisedCallers.id),
    keyPrefix: text('key_prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    perMinute: integer('per_minute').notNull().default(60),
    active: boolean('active').notNull().default(true),
    createdAt: instant('created_at').notNull(),
    lastUsedAt: instant('last_used_at'),
  },
  (t) => [uniqueIndex('api_clients_prefix').on(t.keyPrefix)],
);

/** Requests per client per minute: one row per minute, counted atomically, so the limit holds across instances. */
export const apiClientUsage = pgTable(
  'api_client_usage',
  {
    clientId: uuid('client_id').notNull().references(() => apiClients.id),
    minute: instant('minute').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.minute] })],
);

/**
 * Requests per agency per minute, across all of that agency's keys: one row per minute, counted
 * by one atomic upsert like api_client_usage, so several keys (or several instances) cannot add
 * up to more than the agency's share. `agency` is the clients' agency name, trimmed and lower-cased.
 */
export const apiAgencyUsage = pgTable(
  'api_agency_usage',
  {
    agency: text('agency').notNull(),
    minute: instant('minute').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agency, t.minute] })],
);
