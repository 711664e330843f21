import type { Command } from 'commander';
import { jobQueueStatus } from '../../modules/jobs/job-queue-status.js';
import { loadJobRuns } from '../../modules/jobs/load-job-runs.js';
import { jobTitle } from '../../modules/jobs/scheduled-jobs.js';
import { withCommandDatabase } from '../run-command.js';

export function register(program: Command): void {
  const jobs = program.command('jobs').description('the scheduled job queue that running instances share');
  jobs
    .command('status')
    .description('runs queued, in progress and failed (the dead letter, with errors), and the oldest due run’s wait; exit 1 if any failed')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withCommandDatabase(async ({ db, now }) => {
        // This command runs no worker of its own: "running" speaks only for a server process.
        const { running: _none, ...status } = await jobQueueStatus(db, { now: now() });
        const { failed } = await loadJobRuns(db);
        const dead = failed.map((r) => ({ id: r.id, job: r.name, slot: r.slot, attempts: r.attempts, error: r.lastError }));
        if (options.json) console.log(JSON.stringify({ ...status, failedRuns: dead }, null, 2));
        else {
          console.log(`Queued ${status.queued}, in progress ${status.inProgress}, failed ${status.failed}; the oldest due run has waited ${status.oldestQueuedAgeSeconds} s.`);
          for (const d of dead) console.log(`FAILED ${d.id} ${jobTitle(d.job)} (${d.slot}), ${d.attempts} attempts: ${d.error ?? ''}`);
          if (dead.length) console.log('An administrator can run a failed run again at /admin/jobs once its cause is fixed.');
        }
        if (status.failed > 0) process.exitCode = 1;
      });
    });
}
