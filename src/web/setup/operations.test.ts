import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testApp } from '../../../test/support/app.js';
import { describeEachEngine, freshDatabase } from '../../../test/support/database.js';
import { suiteDatabase } from '../../../test/support/suite-database.js';
import { loadSettings } from '../../config.js';
import { buildApp } from '../app.js';
import { addReadinessCheck } from './operations.js';

describeEachEngine('/health and /ready', (engine) => {
  const suite = suiteDatabase(engine);
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp(suite.handle());
  });
  afterAll(async () => {
    await app.close();
  });

  it('is ready with the database reachable and every migration applied, each check in the body', async () => {
    const res = await app.inject({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ status: string; checks: Record<string, { ok: boolean; detail: string }> }>();
    expect(body.status).toBe('ready');
    expect(body.checks.database).toEqual({ ok: true, detail: 'reachable' });
    expect(body.checks.migrations?.ok).toBe(true);
    expect(body.checks.migrations?.detail).toMatch(/^(\d+) of \1 applied$/);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });

  it('is not ready (503) while a migration is missing, naming it, and ready again once it is back', async () => {
    const result = (await suite.db().execute(sql`select id, hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`)) as unknown as {
      rows: { id: number; hash: string; created_at: string }[];
    };
    const last = result.rows[0];
    await suite.db().execute(sql`delete from drizzle.__drizzle_migrations where id = ${last!.id}`);
    try {
      const res = await app.inject({ method: 'GET', url: '/ready' });
      expect(res.statusCode).toBe(503);
      const body = res.json<{ status: string; checks: Record<string, { ok: boolean; detail: string }> }>();
      expect(body.status).toBe('not ready');
      expect(body.checks.database?.ok).toBe(true);
      expect(body.checks.migrations).toMatchObject({ ok: false });
      expect(body.checks.migrations?.detail).toMatch(/^1 not applied: \d{4}_\w+$/);
      // Liveness is unaffected: the process is fine, it just should not take traffic.
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await suite.db().execute(sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${last!.id}, ${last!.hash}, ${last!.created_at})`);
    }
    expect((await app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
  });
});

describeEachEngine('/ready with more checks, a closed database and a full server', (engine) => {
  it('adds registered checks, answers 503 when one fails or the database is gone, and is never load-shed', async () => {
    const database = await freshDatabase(engine);
    const settings = loadSettings({ NODE_ENV: 'test', LOG_LEVEL: 'silent', CONVENE_DATA_DIR: '/tmp/convene-test-unused' });
    // No request may run or wait: every page is turned away, /health and /ready are not.
    const app = await buildApp({ settings, database: database.handle, logger: false, limits: { concurrent: 0, waiting: 0, maxWaitMs: 1 } });
    let queueRunning = true;
    addReadinessCheck(app, 'jobQueue', async () => (queueRunning ? { ok: true, detail: 'running' } : { ok: false, detail: 'stopped' }));
    try {
      expect((await app.inject({ method: 'GET', url: '/sign-in' })).statusCode).toBe(503);
      const ready = await app.inject({ method: 'GET', url: '/ready?probe=1' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json().checks.jobQueue).toEqual({ ok: true, detail: 'running' });

      queueRunning = false;
      const stopped = await app.inject({ method: 'GET', url: '/ready' });
      expect(stopped.statusCode).toBe(503);
      expect(stopped.json().checks).toMatchObject({ database: { ok: true }, migrations: { ok: true }, jobQueue: { ok: false, detail: 'stopped' } });
      queueRunning = true;

      await database.handle.close();
      const gone = await app.inject({ method: 'GET', url: '/ready' });
      expect(gone.statusCode).toBe(503);
      expect(gone.json().checks).toMatchObject({ database: { ok: false }, migrations: { ok: false, detail: 'not checked: the database is unreachable' } });
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(503);
    } finally {
      await app.close();
      await database.drop();
    }
  });
});

describeEachEngine('/ready and /metrics with the job queue', (engine) => {
  it('reports the job worker running while it runs, with the queue in /metrics, and not ready once it stops', async () => {
    const database = await freshDatabase(engine);
    const settings = loadSettings({ NODE_ENV: 'test', LOG_LEVEL: 'silent', CONVENE_DATA_DIR: '/tmp/convene-test-unused', METRICS_TOKEN: 't'.repeat(32) });
    const app = await buildApp({ settings, database: database.handle, logger: false, clock: () => new Date('2026-03-02T10:00:00Z'), scheduledSweeps: true });
    try {
      await app.ready();
      const ready = await app.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json().checks.jobQueue.ok).toBe(true);
      expect(ready.json().checks.jobQueue.detail).toMatch(/^running: \d+ queued, \d+ in progress, 0 failed$/);
      const metrics = (await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${'t'.repeat(32)}` } })).body;
      expect(metrics).toContain('convene_job_worker_running 1');
      expect(metrics).toMatch(/convene_job_queue_runs\{status="failed"\} 0/);
      expect(metrics).toMatch(/convene_job_queue_oldest_due_seconds \d+/);

      await app.convene.jobs!.stop();
      const stopped = await app.inject({ method: 'GET', url: '/ready' });
      expect(stopped.statusCode).toBe(503);
      expect(stopped.json().checks.jobQueue).toEqual({ ok: false, detail: 'the job worker is not running' });
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
