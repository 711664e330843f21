import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { jobQueueStatus } from '../../modules/jobs/job-queue-status.js';
import { outboxBacklog, UNSENT_STATUSES } from '../../modules/outbox/backlog.js';

/** Sign-in answers that mean a failed attempt, by the status the sign-in pages give them. */
const SIGN_IN_FAILURES: Record<number, string> = { 401: 'wrong-credentials', 423: 'account-locked', 429: 'address-blocked' };
const SIGN_IN_STEPS: Record<string, string> = { '/sign-in': 'password', '/sign-in/two-factor': 'second-factor' };
/** The identity provider's answer comes back as a GET; its refusals by the status the callback gives them. */
const OIDC_CALLBACK = '/sign-in/oidc/callback';
const OIDC_FAILURES: Record<number, string> = { 400: 'not-started-or-crossed', 401: 'answer-refused', 403: 'no-convene-user', 429: 'address-blocked', 503: 'provider-unavailable' };

/**
 * /metrics in Prometheus's text format, for the operations team's scraper. Off (404) unless
 * METRICS_TOKEN is set, and then only to `Authorization: Bearer <METRICS_TOKEN>` (404 otherwise,
 * so its presence is not advertised). Each app has its own registry; only Node's process metrics are shared by the apps of one process.
 *  - convene_http_request_duration_seconds{method,route,status_code}: by route pattern, never the raw URL;
 *  - convene_sign_in_failures_total{step,reason} (step: password, second-factor or identity-provider);
 *  - convene_outbox_backlog{status} and convene_outbox_oldest_waiting_seconds, counted at scrape;
 *  - convene_job_queue_runs{status}, convene_job_queue_oldest_due_seconds, convene_job_worker_running;
 *  - Node's default process metrics (CPU, memory, event-loop lag, handles).
 */
let processMetrics: Registry | null = null;

/** Node's process metrics, collected once per process however many apps it builds (tests build many). */
function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  return processMetrics;
}

/** One read per scrape, however many gauges collect from it (prom-client collects them concurrently). */
function oncePerScrape<T>(read: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => (pending ??= read().finally(() => void (pending = null)));
}

/** A gauge read when scraped: one value, or one value per value of its `label`. */
function scrapedGauge(register: Registry, name: string, help: string, read: () => Promise<number | Readonly<Record<string, number>>>, label?: string): void {
  new Gauge({
    name,
    help,
    ...(label === undefined ? {} : { labelNames: [label] }),
    registers: [register],
    async collect() {
      const value = await read();
      if (typeof value === 'number') this.set(value);
      else if (label !== undefined) for (const [key, n] of Object.entries(value)) this.set({ [label]: key }, n);
    },
  });
}

export function setUpMetrics(app: FastifyInstance): Registry {
  const register = new Registry();

  const duration = new Histogram({
    name: 'convene_http_request_duration_seconds',
    help: 'Time to answer a request, by route pattern',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [register],
  });
  const signInFailures = new Counter({
    name: 'convene_sign_in_failures_total',
    help: 'Refused sign-in attempts: wrong username, password or code; locked account; blocked address',
    labelNames: ['step', 'reason'] as const,
    registers: [register],
  });
  // One query per scrape feeds both outbox gauges.
  const backlogOnce = oncePerScrape(() => outboxBacklog(app.convene.db));
  scrapedGauge(register, 'convene_outbox_backlog', 'Outbox messages not yet delivered, by status (queued, sending, failed)', async () => {
    const backlog = await backlogOnce();
    return Object.fromEntries(UNSENT_STATUSES.map((status) => [status, backlog.byStatus[status]]));
  }, 'status');
  scrapedGauge(register, 'convene_outbox_oldest_waiting_seconds', 'Age of the oldest outbox message still waiting to be sent (0 when none waits)', async () => {
    const since = (await backlogOnce()).oldestWaitingSince;
    return since ? Math.max(0, (app.convene.clock().getTime() - since.getTime()) / 1000) : 0;
  });

  // The shared job queue (modules/jobs), one query pass per scrape for all three gauges.
  const jobsOnce = oncePerScrape(() => jobQueueStatus(app.convene.db, { now: app.convene.clock(), worker: app.convene.jobs }));
  scrapedGauge(register, 'convene_job_queue_runs', 'Job runs in the shared queue by status: queued (due or waiting for a retry), running, failed (the dead letter)', async () => {
    const status = await jobsOnce();
    return { queued: status.queued, running: status.inProgress, failed: status.failed };
  }, 'status');
  scrapedGauge(register, 'convene_job_queue_oldest_due_seconds', 'How long the longest-waiting due job run has waited since it was due (0 when none is)', async () => (await jobsOnce()).oldestQueuedAgeSeconds);
  scrapedGauge(register, 'convene_job_worker_running', "1 while this instance's job worker is running", async () => ((await jobsOnce()).running ? 1 : 0));

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url;
    // Unmatched URLs share one label: a scanner must not create a series per path it tries.
    const label = route === undefined || request.is404 ? 'unmatched' : route;
    duration.observe({ method: request.method, route: label, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (request.method === 'POST' && route !== undefined) {
      const step = SIGN_IN_STEPS[route];
      const reason = SIGN_IN_FAILURES[reply.statusCode];
      if (step && reason) signInFailures.inc({ step, reason });
    }
    if (request.method === 'GET' && route === OIDC_CALLBACK) {
      const reason = OIDC_FAILURES[reply.statusCode];
      if (reason) signInFailures.inc({ step: 'identity-provider', reason });
    }
  });

  const scraped = Registry.merge([register, processRegistry()]);
  app.get('/metrics', { config: { access: 'public' }, logLevel: 'warn' }, async (request, reply) => {
    const token = app.convene.settings.metricsToken;
    if (!token || !bearerMatches(request, token)) return reply.callNotFound();
    const body = await scraped.metrics();
    return reply.type(scraped.contentType).header('cache-control', 'no-store').send(body);
  });
  return scraped;
}

/** Whether the request carries `Authorization: Bearer <token>` with exactly this token (compared in constant time). */
export function bearerMatches(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
  const sent = Buffer.from(header.slice('Bearer '.length).trim());
  const expected = Buffer.from(token);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}
