import { sql } from 'drizzle-orm';
import { bigint, boolean, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** The authority and its partner agencies (police, health, education, …). */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: text('kind').notNull(), // local-authority | police | health | education | housing | probation | voluntary | other
  secureEmail: text('secure_email'),
  phone: text('phone'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const teams = pgTable('teams', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    jobTitle: text('job_title'),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    teamId: uuid('team_id').references(() => teams.id),
    /** Line manager: used to keep a conference chair independent of the case (CV4). */
    managerId: uuid('manager_id'),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    active: boolean('active').notNull().default(true),
    /** AES-256-GCM sealed (`enc:v1:…`, see modules/accounts/secret-box.ts); a plain base32
     *  secret from before encryption still works and is sealed at its next use. */
    totpSecret: text('totp_secret'),
    /** The 30-second step of the last code accepted: a code is never accepted twice. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** argon2id hashes of unused recovery codes. */
    recoveryCodes: jsonb('recovery_codes').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_lower').on(sql`lower(${t.username})`)],
);

/** Server-side sessions; the cookie carries a random id, the table keeps only its SHA-256. */
export const sessions = pgTable('sessions', {
  idHash: text('id_hash').primaryKey(),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
  /** Password accepted but second factor still to come. */
  pendingUserId: uuid('pending_user_id').references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  address: text('address'),
  /**
   * A session opened through a partner's report link (issue 17) instead of a sign-in: it reaches
   * that invitation's conference report and nothing else. No foreign key, so the accounts schema
   * does not import the invitations one; the session hook finds the link on every request.
   */
  reportLinkId: uuid('report_link_id'),
});

/** Failed sign-ins per client address, to slow down guessing across many accounts. */
export const addressThrottles = pgTable('address_throttles', {
  address: text('address').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
});

/**
 * Failed sign-ins for usernames that do not exist, keyed by a SHA-256 of the lower-cased name,
 * so an unknown username locks exactly as a real account would and a guesser cannot tell them apart.
 */
export const unknownUsernameThrottles = pgTable('unknown_username_throttles', {
  nameHash: text('name_hash').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/**
 * What someone has typed into a long form (a report, the conference record, the outline plan) and
 * not yet submitted (issue 14): saved as they type and when their session ends mid-form, restored
 * when they come back, deleted when the form is submitted. One per person, form and record; only
 * its author ever sees it.
 */
export const formDrafts = pgTable(
  'form_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Which form: 'report', 'record', 'outline-plan', … */
    formKey: text('form_key').notNull(),
    /** The record the form writes to (a report, a conference). */
    recordId: uuid('record_id').notNull(),
    /** The children whose record this is, for the audit of each save and deletion. */
    childIds: uuid('child_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** The form's page, to return to. */
    path: text('path').notNull(),
    fields: jsonb('fields').$type<Record<string, string | string[]>>().notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
    /**
     * When the draft was discarded or its form saved: its text is emptied and the row kept, so a
     * save of the typing sent before then (still on its way) cannot bring it back.
     */
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('form_drafts_user_form_record').on(t.userId, t.formKey, t.recordId)],
);
