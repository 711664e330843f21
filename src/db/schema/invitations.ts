import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { conferenceRef, professionals } from './conferences.js';
import { personRef } from './people.js';
import { instant, day, userRef, id, version, createdNow, pending } from './columns.js';

/** One invitee of one conference (IN1–IN4, IN9): suggested, confirmed, sent, answered. */
export const invitations = pgTable(
  'invitations',
  {
    ...id(),
    conferenceId: conferenceRef('conference_id').notNull(),
    inviteeKind: text('invitee_kind').notNull(), // parent | child | family-member | professional | observer
    personId: personRef('person_id'),
    professionalId: uuid('professional_id').references(() => professionals.id),
    userId: userRef('user_id'),
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
    sentAt: instant('sent_at'),
    response: text('response'), // attending-in-person | attending-virtual | apologies | delegate
    delegateName: text('delegate_name'),
    reportPromised: boolean('report_promised').notNull().default(false),
    respondedAt: instant('responded_at'),
    /** IN9 observers: when the request reached the co-ordinator (TS17), the chair's agreement, the family's answer. */
    observerRequestedOn: day('observer_requested_on'),
    ...pending('chairAgreed'),
    familyConsent: text('family_consent'), // given | refused
    ...version(),
    ...createdNow(),
  },
  (t) => [index('invitations_conference').on(t.conferenceId), index('invitations_user').on(t.userId)],
);
