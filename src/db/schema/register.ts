import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './accounts.js';
import { childProtectionPlans } from './conferences.js';
import { households, people } from './people.js';
import { id } from './columns.js';

/**
 * RG5: a notice that a person who may pose a risk to children lives in, or visits, a household
 * (from probation, police, prisons, another authority). Recorded by the designated manager, linked
 * to the household, then sent to the lead social worker of each child there on a plan.
 */
export const riskNotifications = pgTable(
  'risk_notifications',
  {
    ...id(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    personName: text('person_name').notNull(),
    personDateOfBirth: date('person_date_of_birth', { mode: 'string' }),
    concern: text('concern').notNull(),
    source: text('source').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    householdId: uuid('household_id').references(() => households.id),
    status: text('status').notNull(), // received | sent
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    sentBy: uuid('sent_by').references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('risk_notifications_status').on(t.status)],
);

/** Each lead social worker told of a risk notification, for the child on a plan in that household. */
export const riskNotificationRecipients = pgTable(
  'risk_notification_recipients',
  {
    ...id(),
    notificationId: uuid('notification_id').notNull().references(() => riskNotifications.id),
    childId: uuid('child_id').notNull().references(() => people.id),
    planId: uuid('plan_id').notNull().references(() => childProtectionPlans.id),
    socialWorkerId: uuid('social_worker_id').references(() => users.id),
    outboxMessageId: uuid('outbox_message_id'),
  },
  (t) => [index('risk_notification_recipients_worker').on(t.socialWorkerId)],
);

/** RG6: a children's centre and the postcode districts it serves (e.g. "ZZ1", "ZZ2"). */
export const childrensCentres = pgTable('childrens_centres', {
  ...id(),
  organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  name: text('name').notNull(),
  secureEmail: text('secure_email').notNull(),
  postcodeDistricts: text('postcode_districts').array().notNull().default(sql`'{}'::text[]`),
});

export interface CentreListChild {
  childId: string;
  name: string;
  dateOfBirth: string | null;
  expectedDeliveryDate: string | null;
  planStart: string;
}

/** RG6: one quarter's list for one centre, as generated, reviewed and sent, and kept. */
export const childrensCentreLists = pgTable(
  'childrens_centre_lists',
  {
    ...id(),
    centreId: uuid('centre_id').notNull().references(() => childrensCentres.id),
    quarter: text('quarter').notNull(), // e.g. 2026-Q1
    asOf: date('as_of', { mode: 'string' }).notNull(),
    named: jsonb('named').$type<CentreListChild[]>().notNull().default([]),
    unnamedCount: integer('unnamed_count').notNull().default(0),
    status: text('status').notNull(), // draft | reviewed | sent
    generatedBy: uuid('generated_by').references(() => users.id),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    sentBy: uuid('sent_by').references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    outboxMessageId: uuid('outbox_message_id'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('childrens_centre_lists_centre_quarter').on(t.centreId, t.quarter)],
);
