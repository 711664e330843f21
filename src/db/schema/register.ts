import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { households, personRef } from './people.js';
import { planRef } from './conferences.js';
import { day, userRef, organisationRef, id, version, done, pending } from './columns.js';

/**
 * RG5: a notice that a person who may pose a risk to children lives in, or visits, a household
 * (from probation, police, prisons, another authority). Recorded by the designated manager, linked
 * to the household, then sent to the lead social worker of each child there on a plan.
 */
export const riskNotifications = pgTable(
  'risk_notifications',
  {
    ...id(),
    organisationId: organisationRef('organisation_id').notNull(),
    personName: text('person_name').notNull(),
    personDateOfBirth: day('person_date_of_birth'),
    concern: text('concern').notNull(),
    source: text('source').notNull(),
    receivedOn: day('received_on').notNull(),
    householdId: uuid('household_id').references(() => households.id),
    status: text('status').notNull(), // received | sent
    ...done('recorded'),
    ...pending('sent'),
    ...version(),
  },
  (t) => [index('risk_notifications_status').on(t.status)],
);

/** Each lead social worker told of a risk notification, for the child on a plan in that household. */
export const riskNotificationRecipients = pgTable(
  'risk_notification_recipients',
  {
    ...id(),
    notificationId: uuid('notification_id').notNull().references(() => riskNotifications.id),
    childId: personRef('child_id').notNull(),
    planId: planRef('plan_id').notNull(),
    socialWorkerId: userRef('social_worker_id'),
    outboxMessageId: uuid('outbox_message_id'),
  },
  (t) => [index('risk_notification_recipients_worker').on(t.socialWorkerId)],
);

/** RG6: a children's centre and the postcode districts it serves (e.g. "ZZ1", "ZZ2"). */
export const childrensCentres = pgTable('childrens_centres', {
  ...id(),
  organisationId: organisationRef('organisation_id').notNull(),
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
    asOf: day('as_of').notNull(),
    named: jsonb('named').$type<CentreListChild[]>().notNull().default([]),
    unnamedCount: integer('unnamed_count').notNull().default(0),
    status: text('status').notNull(), // draft | reviewed | sent
    ...done('generated'),
    ...pending('reviewed'),
    ...pending('sent'),
    outboxMessageId: uuid('outbox_message_id'),
    ...version(),
  },
  (t) => [uniqueIndex('childrens_centre_lists_centre_quarter').on(t.centreId, t.quarter)],
);
