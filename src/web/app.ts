import fastifyFormbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { clockFromSettings } from '../clock/clock.js';
import type { Settings } from '../config.js';
import type { DatabaseHandle } from '../modules/shared/database.js';
import { resolveEncryptionKey } from '../encryption-key.js';
import { scheduledJobs } from '../modules/jobs/scheduled-jobs.js';
import { createJobWorker } from '../modules/jobs/worker.js';
import { recordsChanged } from '../modules/shared/recently-computed.js';
import { checkJobQueue } from '../modules/operations/readiness.js';
import type { ActionContext } from '../modules/shared/action-context.js';
import { setUpAuthorisation } from './setup/authorisation.js';
import { setUpErrorPages } from './setup/error-pages.js';
import { setUpInputGuard } from './input/input-guard.js';
import { DEFAULT_LIMITS, setUpLoadShedding, type LoadLimits } from './setup/load-shedding.js';
import { loggerOptions, requestIdGenerator, setUpRequestIds, setUpUserInLogs } from './setup/logging.js';
import { addReadinessCheck, setUpOperations } from './setup/operations.js';
import { setUpPages } from './setup/pages.js';
import { setUpSecurityHeaders } from './setup/security-headers.js';
import { DEFAULT_RATE_LIMITS, setUpRateLimits, type RateLimits } from './setup/rate-limits.js';
import { setUpSessions } from './setup/sessions.js';
import { setUpApiClients } from './setup/api-clients.js';
import { setUpStaticAssets } from './setup/static-assets.js';
import { setUpTemplates } from './setup/templates.js';
import { setUpTracing } from './setup/tracing.js';
import './types.js';

export interface AppOptions {
  settings: Settings;
  database: DatabaseHandle;
  /** The clock is a parameter so timeouts and deadlines are testable. */
  clock?: () => Date;
  logger?: boolean;
  /** Where JSON log lines go (default: stdout); tests read them from here. */
  logStream?: NodeJS.WritableStream;
  /** Requests served at once and waiting (default by engine: see setup/load-shedding.ts). */
  limits?: LoadLimits;
  /** Requests per minute per address on sign-in and the API (default: setup/rate-limits.ts). */
  rateLimits?: RateLimits;
  /**
   * Run the scheduled sweeps (review requests, report reminders, audit anchor) through the job
   * queue: the server (main.ts) says yes; test apps leave them off so a journey sees only what it did.
   */
  scheduledSweeps?: boolean;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // JSON lines; never bodies, query strings or cookies: they can carry children's names and session ids.
    logger: options.logger === false ? false : loggerOptions(options.settings, options.logStream),
    genReqId: requestIdGenerator(options.settings),
    // Off unless TRUST_PROXY says which proxy to believe: otherwise anyone could claim any address.
    // (Cast: Fastify's overloads cannot pick a server type from a union; the value is any form Fastify takes.)
    trustProxy: options.settings.trustProxy as boolean,
    bodyLimit: 5 * 1024 * 1024,
  });
  app.decorate('convene', {
    settings: options.settings,
    database: options.database,
    db: options.database.db,
    clock: options.clock ?? clockFromSettings(options.settings),
    encryptionKey: resolveEncryptionKey(options.settings),
    routes: [],
    jobs: null,
  });
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) app.convene.routes.push({ method, url: route.url, access: route.config?.access });
  });
  app.decorateRequest('actionContext', function actionContext(this: import('fastify').FastifyRequest): ActionContext {
    return { actor: this.actor, requestId: this.id, address: this.ip, now: this.server.convene.clock() };
  });

  setUpRequestIds(app);
  // First, so a request's span covers everything after it (off, and not even loaded, unless an OTLP endpoint is set).
  const tracing = await setUpTracing(app);
  setUpLoadShedding(app, options.limits ?? DEFAULT_LIMITS[options.database.engine]);
  await setUpSecurityHeaders(app);
  await setUpStaticAssets(app);
  await app.register(fastifyFormbody);
  setUpTemplates(app);
  await setUpSessions(app);
  // After the cookies are read (a refusal is a page like any other) and before the API key lookup.
  await setUpRateLimits(app, options.rateLimits ?? DEFAULT_RATE_LIMITS);
  setUpApiClients(app);
  setUpUserInLogs(app);
  setUpInputGuard(app);
  setUpAuthorisation(app);
  setUpErrorPages(app);

  // /health, /ready and /metrics (setup/operations.ts).
  setUpOperations(app);

  await setUpPages(app);

  // Figures kept for a home page's summary are counted again after anything is written here.
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) recordsChanged();
  });

  // Scheduled work runs through the job queue (modules/jobs): with several instances on one
  // PostgreSQL each slot runs once. Email leaves through the outbox job only when SMTP_URL is set;
  // otherwise it waits there, visible at /admin/outbox.
  const { settings } = options;
  const scheduled = scheduledJobs({
    pack: settings.pack, sweeps: options.scheduledSweeps ?? false,
    smtpUrl: settings.smtpUrl, smtpFrom: settings.smtpFrom, auditAnchorFile: settings.auditAnchorFile,
    embedded: options.database.engine === 'pglite',
  });
  if (scheduled.jobs.length > 0) {
    // The running job gets most of the shutdown's time to finish; the rest closes the server and database.
    const drainMs = Math.max(1000, settings.shutdownTimeoutMs - 2000);
    const jobs = scheduled.jobs.map((job) => ({ ...job, run: async (...args: Parameters<typeof job.run>) => {
      try {
        return await (tracing ? tracing.around(job.name, () => job.run(...args)) : job.run(...args));
      } finally {
        recordsChanged();
      }
    } }));
    const worker = createJobWorker({ db: options.database.db, jobs, clock: app.convene.clock, log: app.log, drainMs });
    app.convene.jobs = worker;
    addReadinessCheck(app, 'jobQueue', () => checkJobQueue(options.database.db, worker, app.convene.clock()));
    app.addHook('onReady', async () => worker.start());
    app.addHook('onClose', async () => {
      await worker.stop();
      scheduled.close();
    });
  }
  return app;
}
