import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { conferences, professionals } from './conferences.js';
import { people } from './people.js';
import { createdNow, id } from './columns.js';

/** One invitee of one conference (IN1–IN4, IN9): suggested, confirmed, sent, answered. */
export const invitations = pgTable(
  'invitations',
  {
    ...id(),
    conferenceId: uuid('conference_id').notNull().references(() => conferences.id),
    inviteeKind: text('invitee_kind').notNull(), // parent | child | family-member | professional | observer
    personId: uuid('person_id').references(() => people.id),
    professionalId: uuid('professional_id').references(() => professionals.id),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    role: text('role').notNull(),
    organisationName: text('organisation_name'),
    email: text('email'),
    postalAddress: text('postal_address'),
    channel: text('channel').notNull().default('secure-email'), // secure-email | post | hand
    /** Why the checklist suggested this invitee (IN2), shown beside the suggestion. */
    suggestedBecause: text('suggested_because'),
    state: text('state').notNull().default('suggested'), // suggested | confirmed | removed | sent
    removalReason: text('removal_reason'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    response: text('response'), // attending-in-person | attending-virtual | apologies | delegate
    delegateName: text('delegate_name'),
    reportPromised: boolean('report_promised').notNull().default(false),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    /** IN9 observers: when the request reached the co-ordinator (TS17), the chair's agreement, the family's answer. */
    observerRequestedOn: date('observer_requested_on', { mode: 'string' }),
    chairAgreedBy: uuid('chair_agreed_by').references(() => users.id),
    chairAgreedAt: timestamp('chair_agreed_at', { withTimezone: true }),
    familyConsent: text('family_consent'), // given | refused
    version: integer('version').notNull().default(1),
    ...createdNow(),
  },
  (t) => [index('invitations_conference').on(t.conferenceId), index('invitations_user').on(t.userId)],
);
