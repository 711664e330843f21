import { randomBytes } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { POSTGRES_ADMIN_URL } from '../../../test/support/database.js';
import type { Database } from '../../db/client.js';
import { conferenceChildren, conferences, invitations, jobRuns, outboxMessages } from '../../db/schema/index.js';
import type { MailTransport } from '../outbox/sender.js';

/** Monday 7 December 2026, 08:00 UTC: the demo is seeded then, and the day of jobs starts. */
export const DAY_START = new Date('2026-12-07T08:00:00Z');

/** A clock the test moves by hand: every worker reads the same instant. */
export function handClock(start: Date) {
  let t = start.getTime();
  return {
    clock: () => new Date(t),
    set: (at: Date) => { t = at.getTime(); },
    advance: (ms: number) => { t += ms; },
  };
}

/**
 * A conference on Thursday 10 December 2026 with three agency professionals invited and no report
 * in: the national reminder (TS14) falls due on Monday 7 December, so the day's reminders job
 * queues one reminder each.
 */
export async function conferenceNeedingReports(db: Database): Promise<string[]> {
  const [conference] = await db.insert(conferences).values({ kind: 'initial', status: 'invitations-sent', pack: 'national', scheduledStart: new Date('2026-12-10T10:00:00Z') }).returning();
  const rows = await db.insert(invitations).values(['Hana Exampleton', 'Pat Placeholder', 'Robin Testwood'].map((name) => ({
    conferenceId: conference!.id, inviteeKind: 'professional', name, role: 'Practitioner', email: `${name.split(' ')[0]!.toLowerCase()}@agency.example`, state: 'sent',
  }))).returning({ id: invitations.id });
  return rows.map((r) => r.id);
}

export interface RecordingTransport extends MailTransport {
  sent: { to: string; subject: string }[];
}

/** A mail transport that keeps what it was given, so a test can count every email sent. */
export function recordingTransport(): RecordingTransport {
  const sent: { to: string; subject: string }[] = [];
  return {
    sent,
    sendMail: async (message) => {
      const to = message.to as { address: string };
      sent.push({ to: to.address, subject: String(message.subject) });
      return {};
    },
  };
}

/** Reminders queued per invitation: exactly one each is the rule. */
export async function remindersPerInvitation(db: Database, invitationIds: string[]): Promise<number[]> {
  const rows = await db.select({ id: outboxMessages.relatedId }).from(outboxMessages)
    .where(and(eq(outboxMessages.relatedType, 'report-reminder'), inArray(outboxMessages.relatedId, invitationIds)));
  return invitationIds.map((id) => rows.filter((r) => r.id === id).length);
}

/** Children with more than one review being arranged: a review requested twice would show here. */
export async function childrenWithTwoReviewRequests(db: Database): Promise<string[]> {
  const rows = await db.select({ childId: conferenceChildren.childId, n: sql<number>`count(*)::int` })
    .from(conferenceChildren).innerJoin(conferences, eq(conferenceChildren.conferenceId, conferences.id))
    .where(eq(conferences.status, 'requested')).groupBy(conferenceChildren.childId);
  return rows.filter((r) => Number(r.n) > 1).map((r) => r.childId);
}

export async function runsOf(db: Database, name?: string) {
  return db.select().from(jobRuns).where(name ? eq(jobRuns.name, name) : undefined).orderBy(jobRuns.runAt);
}

/** A new, empty PostgreSQL database and its URL, so a test can open several pools on it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `convene_jobs_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
