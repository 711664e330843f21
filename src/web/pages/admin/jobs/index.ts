import type { FastifyInstance } from 'fastify';
import { loadJobRun, loadJobRuns } from '../../../../modules/jobs/load-job-runs.js';
import type { JobRun } from '../../../../modules/jobs/queue.js';
import { retryJobRun } from '../../../../modules/jobs/retry-job-run.js';
import { jobTitle } from '../../../../modules/jobs/scheduled-jobs.js';
import { mayManageJobs } from '../../../../policies/jobs.js';

const access = { config: { access: mayManageJobs } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUS: Record<string, { text: string; tag: string }> = {
  queued: { text: 'Queued', tag: 'govuk-tag--blue' },
  running: { text: 'Running', tag: 'govuk-tag--light-blue' },
  done: { text: 'Done', tag: 'govuk-tag--green' },
  failed: { text: 'Failed', tag: 'govuk-tag--red' },
};

function present(run: JobRun) {
  const status = STATUS[run.status] ?? { text: run.status, tag: '' };
  const outcome = run.result ? Object.entries(run.result).map(([k, v]) => `${k}: ${String(v)}`).join(', ') : '';
  return { ...run, title: jobTitle(run.name), statusText: status.text, tagClass: status.tag, outcome, slotAt: /^\d{4}-/.test(run.slot) ? new Date(run.slot) : null };
}

/**
 * Scheduled work as the administrator sees it: what failed for good (the dead letter) with why,
 * what waits or runs, and the latest runs. A failed run can be run again once its cause is fixed.
 */
export default function jobPages(app: FastifyInstance): void {
  const { db } = app.convene;

  app.get<{ Querystring: { retried?: string } }>('/admin/jobs', access, async (request, reply) => {
    const overview = await loadJobRuns(db);
    return reply.view('admin/jobs/list.njk', {
      title: 'Scheduled jobs',
      counts: overview.counts,
      workerRunning: app.convene.jobs?.running ?? false,
      failed: overview.failed.map(present),
      waiting: overview.waiting.map(present),
      latest: overview.latest.map(present),
      recent: overview.recent.map(present),
      notice: request.query.retried ? 'The run is back in the queue and will start within a few seconds.' : null,
      backLink: { href: '/' },
    });
  });

  app.get<{ Params: { id: string } }>('/admin/jobs/:id/retry', access, async (request, reply) => {
    if (!UUID.test(request.params.id)) return reply.callNotFound();
    const run = await loadJobRun(db, request.params.id);
    if (!run) return reply.callNotFound();
    return reply.view('admin/jobs/retry.njk', { title: 'Run the job again', run: present(run), backLink: { href: '/admin/jobs' } });
  });

  app.post<{ Params: { id: string } }>('/admin/jobs/:id/retry', access, async (request, reply) => {
    if (!UUID.test(request.params.id)) return reply.callNotFound();
    await retryJobRun(db, request.actionContext(), request.params.id);
    return reply.redirect('/admin/jobs?retried=1');
  });
}
