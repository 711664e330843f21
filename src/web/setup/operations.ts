import type { FastifyInstance } from 'fastify';
import { checkDatabase, checkMigrations, withTimeout, type CheckResult, type ReadinessCheck } from '../../modules/operations/readiness.js';
import { setUpMetrics } from './metrics.js';

/** How long one readiness check may take before /ready reports it failed. */
export const READINESS_CHECK_TIMEOUT_MS = 2000;

const extraChecks = new WeakMap<FastifyInstance, Map<string, ReadinessCheck>>();

/**
 * Adds a named check to /ready (e.g. the job queue, registered where the queue is started).
 * Call it on the root instance before the app is ready.
 */
export function addReadinessCheck(app: FastifyInstance, name: string, check: ReadinessCheck): void {
  const checks = extraChecks.get(app) ?? new Map<string, ReadinessCheck>();
  checks.set(name, check);
  extraChecks.set(app, checks);
}

/**
 * /health: the process is alive and its database answers (liveness; restart me if not).
 * /ready: send me traffic — the database answers and every migration this build knows is applied,
 * plus whatever else was added with addReadinessCheck. 200 or 503 with each check in the body.
 * While the process is stopping, Fastify answers 503 to new requests on open connections.
 * Both are public, carry no session and are never load-shed (see operational-paths.ts).
 */
export function setUpOperations(app: FastifyInstance): void {
  app.get('/health', { config: { access: 'public' }, logLevel: 'warn' }, async (_request, reply) => {
    const ok = await app.convene.database.ping();
    return reply.code(ok ? 200 : 503).header('cache-control', 'no-store').send({ status: ok ? 'ok' : 'unavailable', database: ok ? 'reachable' : 'unreachable' });
  });

  app.get('/ready', { config: { access: 'public' }, logLevel: 'warn' }, async (_request, reply) => {
    const database = app.convene.database;
    const checks: Record<string, CheckResult> = {};
    checks.database = await withTimeout(() => checkDatabase(database), READINESS_CHECK_TIMEOUT_MS);
    checks.migrations = checks.database.ok
      ? await withTimeout(() => checkMigrations(database), READINESS_CHECK_TIMEOUT_MS)
      : { ok: false, detail: 'not checked: the database is unreachable' };
    for (const [name, check] of extraChecks.get(app) ?? []) checks[name] = await withTimeout(check, READINESS_CHECK_TIMEOUT_MS);
    const ready = Object.values(checks).every((c) => c.ok);
    return reply.code(ready ? 200 : 503).header('cache-control', 'no-store').send({ status: ready ? 'ready' : 'not ready', checks });
  });

  setUpMetrics(app);
}
