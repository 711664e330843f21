import { boolean, date, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './accounts.js';

/**
 * Columns many tables share, so a table declares only what is its own. Two kinds:
 * - column builders by kind, named for what they hold: `instant('sent_at')` (a timestamp with time
 *   zone), `day('due_date')` (a date read as 'YYYY-MM-DD'), `userRef('decided_by')` (a user);
 * - column sets spread into a table's columns where they stand: `{ ...id(), …, ...versioned() }`.
 * Each call makes new column builders, so no two tables share one. (accounts.ts, which `users`
 * lives in, writes its own.) References to people, cases and conferences live beside those tables:
 * `personRef`, `caseRef` and `caseOfChild` in people.ts, `conferenceRef`, `conferenceOfChild` and
 * `planOfChild` in conferences.ts.
 */

/** An instant: a timestamp with time zone. */
export const instant = (name: string) => timestamp(name, { withTimezone: true });

/** A calendar day, read and written as 'YYYY-MM-DD'. */
export const day = (name: string) => date(name, { mode: 'string' });

/** A user who did something. */
export const userRef = (name: string) => uuid(name).references(() => users.id);

/** An organisation (an agency or the authority). */
export const organisationRef = (name: string) => uuid(name).references(() => organisations.id);

/** The surrogate key: a random uuid. */
export const id = () => ({ id: uuid('id').primaryKey().defaultRandom() });

/** The optimistic-concurrency version of a row, from 1. */
export const version = () => ({ version: integer('version').notNull().default(1) });

/** A row edited under optimistic concurrency: its version, and when and by whom it was last changed. */
export const versioned = () => ({
  ...version(),
  updatedAt: instant('updated_at').notNull(),
  updatedBy: userRef('updated_by'),
});

/** A span of days: from a day, to a day (null while it lasts). */
export const period = () => ({ fromDate: day('from_date').notNull(), toDate: day('to_date') });

/** A person's first language and whether they need an interpreter. */
export const languageNeeds = () => ({
  firstLanguage: text('first_language'),
  interpreterNeeded: boolean('interpreter_needed').notNull().default(false),
});

/** When the row was made, filled by the database. */
export const createdNow = () => ({ createdAt: instant('created_at').notNull().defaultNow() });

/** Who made the row, and when (filled by the database). */
export const createdByNow = () => ({ createdBy: userRef('created_by'), ...createdNow() });

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

type Done<P extends string, By, At> = { [K in `${P}By`]: By } & { [K in `${P}At`]: At };

const doneBy = (name: string) => userRef(name);
const doneByRequired = (name: string) => userRef(name).notNull();
const doneAt = (name: string) => instant(name).notNull();

/**
 * Who did something and when, as `<p>By` (`<p>_by`) and `<p>At` (`<p>_at`): `...done('recorded')`
 * is recordedBy and recordedAt. The time is always known; the user is required with
 * `{ byRequired: true }`, else may be null.
 */
export function done<P extends string>(prefix: P): Done<P, ReturnType<typeof doneBy>, ReturnType<typeof doneAt>>;
export function done<P extends string>(prefix: P, options: { byRequired: true }): Done<P, ReturnType<typeof doneByRequired>, ReturnType<typeof doneAt>>;
export function done(prefix: string, options?: { byRequired: true }) {
  const column = snake(prefix);
  const by = options?.byRequired ? doneByRequired(`${column}_by`) : doneBy(`${column}_by`);
  return { [`${prefix}By`]: by, [`${prefix}At`]: doneAt(`${column}_at`) };
}

/** Who did something and when, both null until it is done: `...pending('decided')` is decidedBy and decidedAt. */
export function pending<P extends string>(prefix: P): Done<P, ReturnType<typeof userRef>, ReturnType<typeof instant>> {
  const column = snake(prefix);
  return { [`${prefix}By`]: userRef(`${column}_by`), [`${prefix}At`]: instant(`${column}_at`) } as Done<P, ReturnType<typeof userRef>, ReturnType<typeof instant>>;
}

/**
 * A request's answer: the decision (its values are the table's own), its reasons, and who decided
 * and when, all null until it is answered.
 */
export const decision = () => ({
  decision: text('decision'),
  decisionReasons: text('decision_reasons'),
  ...pending('decided'),
});

/** One status change of a history: from (null for the first) and to, the event that made it, when and by whom. */
export const statusChange = () => ({
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  event: text('event').notNull(),
  at: instant('at').notNull(),
  by: userRef('by'),
});
