import { pruneApiUsage } from '../api-clients/api-clients.js';
import nodemailer from 'nodemailer';
import type { PackId } from '../../domain/packs/pack-id.js';
import { dailyAt, everySeconds, hourly, type Schedule } from '../../domain/jobs/schedule.js';
import { anchorAuditChain } from '../audit/verify-chain.js';
import { sendDueMessages, type MailTransport } from '../outbox/sender.js';
import { requestDueReviews } from '../plans/request-due-reviews.js';
import { sendReportReminders } from '../reports/send-report-reminders.js';
import type { JobDefinition } from './job-definition.js';
import { refreshPlannerStatistics } from './planner-statistics.js';
import { pruneFinishedRuns } from './queue.js';
import { pruneCensusChecks } from '../census/census-export-job.js';

export interface ScheduledJobsOptions {
  pack: PackId;
  /** Review requests, report reminders, the audit anchor and housekeeping (the app's own sweeps). */
  sweeps: boolean;
  /** Where email goes: a mail server URL, or a transport (tests); neither leaves email waiting in the outbox. */
  smtpUrl?: string | null;
  transport?: MailTransport | null;
  smtpFrom?: string;
  auditAnchorFile?: string | null;
  /** Embedded PGlite, which has no autovacuum: a job vacuums it and refreshes the planner's statistics. */
  embedded?: boolean;
  /** Overrides for tests that walk a day in big steps. */
  schedules?: Partial<Record<JobName, Schedule>>;
}

export type JobName = 'review-requests' | 'report-reminders' | 'outbox' | 'audit-anchor' | 'job-housekeeping' | 'planner-statistics';

export const DEFAULT_SCHEDULES: Record<JobName, Schedule> = {
  'review-requests': hourly(0),
  'report-reminders': hourly(0),
  // As often as the sender looked before it was a job.
  outbox: everySeconds(5),
  'audit-anchor': dailyAt(2, 0),
  'job-housekeeping': hourly(30),
  'planner-statistics': hourly(45),
};

/** What each job is called on /admin/jobs (also for runs of jobs this instance does not run). */
export const JOB_TITLES: Record<JobName, string> = {
  'review-requests': 'Request reviews coming due',
  'report-reminders': 'Remind professionals of reports due',
  outbox: 'Send queued email and record letters posted',
  'audit-anchor': 'Write the audit trail’s latest hash to the anchor file',
  'job-housekeeping': 'Remove finished job runs over a week old (outbox passes over a day old), enquiry API counters over an hour old and census checks over a day old',
  'planner-statistics': 'Vacuum the embedded database and refresh its statistics, so its queries keep using the right indexes and updated rows give their space back',
};

export function jobTitle(name: string): string {
  return (JOB_TITLES as Record<string, string>)[name] ?? name;
}

/** Finished runs stay on /admin/jobs this long; the outbox's (17,280 a day) one day. */
export const KEEP_FINISHED_RUNS_MS = 7 * 24 * 60 * 60 * 1000;
export const KEEP_OUTBOX_RUNS_MS = 24 * 60 * 60 * 1000;

export interface ScheduledJobs {
  jobs: JobDefinition[];
  /** Closes what the jobs opened (the pooled mail connection). */
  close(): void;
}

/** The app's scheduled work as job definitions, for one worker per process (worker.ts). */
export function scheduledJobs(options: ScheduledJobsOptions): ScheduledJobs {
  const schedule = (name: JobName) => options.schedules?.[name] ?? DEFAULT_SCHEDULES[name];
  const jobs: JobDefinition[] = [];
  let transport: (MailTransport & { close?(): void }) | null = options.transport ?? null;
  const owned = !transport && options.smtpUrl ? nodemailer.createTransport({ url: options.smtpUrl, pool: true, maxConnections: 2 }) : null;
  transport ??= owned;

  if (options.sweeps) {
    jobs.push(
      {
        name: 'review-requests', title: JOB_TITLES['review-requests'], schedule: schedule('review-requests'),
        run: async (db, now) => ({ requested: (await requestDueReviews(db, now, options.pack)).requested.length }),
      },
      {
        name: 'report-reminders', title: JOB_TITLES['report-reminders'], schedule: schedule('report-reminders'),
        run: async (db, now) => ({ reminded: (await sendReportReminders(db, now)).reminded.length }),
      },
      {
        name: 'job-housekeeping', title: JOB_TITLES['job-housekeeping'], schedule: schedule('job-housekeeping'),
        run: async (db, now) => ({
          removed: await pruneFinishedRuns(db, new Date(now.getTime() - KEEP_FINISHED_RUNS_MS), { names: ['outbox'], olderThan: new Date(now.getTime() - KEEP_OUTBOX_RUNS_MS) }),
          // The enquiry API's per-minute counters: an hour is ample, the limit looks at this minute only.
          apiUsageRemoved: await pruneApiUsage(db, new Date(now.getTime() - 60 * 60 * 1000)),
          // Census checks' reports name children: gone once their day is up.
          censusChecksRemoved: await pruneCensusChecks(db, now),
        }),
      },
    );
    if (options.embedded) {
      jobs.push({
        name: 'planner-statistics', title: JOB_TITLES['planner-statistics'], schedule: schedule('planner-statistics'),
        run: async (db) => {
          await refreshPlannerStatistics(db);
        },
      });
    }
    const anchorFile = options.auditAnchorFile;
    if (anchorFile) {
      jobs.push({
        name: 'audit-anchor', title: JOB_TITLES['audit-anchor'], schedule: schedule('audit-anchor'),
        run: async (db, now) => ({ seq: (await anchorAuditChain(db, anchorFile, now))?.seq ?? null }),
      });
    }
  }
  if (transport) {
    const mail = transport;
    jobs.push({
      name: 'outbox', title: JOB_TITLES['outbox'], schedule: schedule('outbox'),
      // A failed pass is retried soon, and the next slot comes in seconds anyway.
      retry: { maxAttempts: 3, baseDelaySeconds: 5, maxDelaySeconds: 60 },
      // Messages are claimed one by one under their own lease: a pass beside another (or beside a dead instance's) sends nothing twice.
      overlaps: true,
      run: async (db, now) => ({ ...(await sendDueMessages(db, mail, { from: options.smtpFrom ?? 'Convene conferences <conferences@convene.invalid>', clock: () => now })) }),
    });
  }
  return { jobs, close: () => owned?.close() };
}
