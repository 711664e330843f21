import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { TestClock } from '../../../../../test/support/app.js';
import { describeEachEngine } from '../../../../../test/support/database.js';
import { signedInApp } from '../../../../../test/support/signed-in-app.js';
import { jobRuns } from '../../../../db/schema/index.js';
import { hourly } from '../../../../domain/jobs/schedule.js';
import { createJobWorker } from '../../../../modules/jobs/worker.js';
import { expectPage } from '../../../../../test/support/page-expectations.js';

describeEachEngine('scheduled jobs page', (engine) => {
  const clock = new TestClock(new Date('2026-12-07T10:00:00Z'));
  const { db, signedIn } = signedInApp(engine, { clock, staff: { admin: ['administrator'], chair: ['chair'], auditor: ['auditor'] } });

  it('shows the administrator the dead letter with its error, and runs a failed run again after confirmation (CSRF-protected); nobody else', async () => {
    // A real failure through a worker: one attempt allowed, so it lands in the dead letter.
    const worker = createJobWorker({
      db: db(), clock: clock.now, workerId: 'page-test',
      jobs: [{ name: 'report-reminders', title: 'x', schedule: hourly(), retry: { maxAttempts: 1, baseDelaySeconds: 1, maxDelaySeconds: 1 }, run: async () => { throw new Error('connection to the mail relay refused'); } }],
    });
    await worker.tick();
    await db().insert(jobRuns).values({ name: 'outbox', slot: '2026-12-07T09:59:55.000Z', status: 'done', attempts: 1, maxAttempts: 3, runAt: new Date('2026-12-07T09:59:55Z'), createdAt: new Date('2026-12-07T09:59:55Z'), finishedAt: new Date('2026-12-07T09:59:56Z'), result: { sent: 0, posted: 0, retrying: 0, failed: 0 } });
    await db().insert(jobRuns).values({ name: 'review-requests', slot: '2026-12-07T09:00:00.000Z', status: 'done', attempts: 1, maxAttempts: 5, runAt: new Date('2026-12-07T09:00:00Z'), createdAt: new Date('2026-12-07T09:00:00Z'), finishedAt: new Date('2026-12-07T09:00:02Z'), result: { requested: 2 } });
    const [failed] = await db().select().from(jobRuns).where(eq(jobRuns.status, 'failed'));

    for (const who of ['chair', 'auditor']) {
      const other = await signedIn(who);
      expect((await other.get('/admin/jobs')).statusCode).toBe(403);
      expect((await other.get(`/admin/jobs/${failed!.id}/retry`)).statusCode).toBe(403);
    }

    const admin = await signedIn('admin');
    const list = await admin.get('/admin/jobs');
    expectPage(list, { status: 200, shows: ['Remind professionals of reports due', 'connection to the mail relay refused', 'Request reviews coming due', 'requested: 2'] });
    // The idle outbox pass shows as the outbox's last run, and not among the runs that did something.
    const [lastRuns, didSomething] = list.body.split('Recent runs that did something');
    expect(lastRuns).toContain('sent: 0');
    expect(didSomething).not.toContain('sent: 0');
    expect(didSomething).toContain('requested: 2');
    expect(list.body).toContain('This instance is not running scheduled jobs'); // a test app has no worker of its own
    expect(list.body).toContain(`/admin/jobs/${failed!.id}/retry`);

    const confirm = await admin.get(`/admin/jobs/${failed!.id}/retry`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Yes, run it again');
    expect((await admin.post(`/admin/jobs/${failed!.id}/retry`, {}, { csrf: null })).statusCode).toBe(403);
    expect((await db().select().from(jobRuns).where(eq(jobRuns.id, failed!.id)))[0]!.status).toBe('failed');

    const retried = await admin.post(`/admin/jobs/${failed!.id}/retry`, {});
    expect(retried.statusCode).toBe(302);
    expect(retried.headers.location).toBe('/admin/jobs?retried=1');
    expect((await admin.get('/admin/jobs?retried=1')).body).toContain('The run is back in the queue');
    expect((await db().select().from(jobRuns).where(eq(jobRuns.id, failed!.id)))[0]).toMatchObject({ status: 'queued', attempts: 0 });
    await admin.get(`/admin/jobs/${failed!.id}/retry`);
    expect((await admin.post(`/admin/jobs/${failed!.id}/retry`, {})).statusCode).toBe(409);
    expect((await admin.get('/admin/jobs/not-a-run/retry')).statusCode).toBe(404);
    expect((await admin.get('/admin/jobs/00000000-0000-4000-8000-000000000000/retry')).statusCode).toBe(404);
  });
});
