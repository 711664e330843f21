import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from '../../../test/support/app.js';
import { freshDatabase, type TestDatabase } from '../../../test/support/database.js';
import { TEST_PASSWORD } from '../../../test/support/factories.js';
import { planTeam } from '../../../test/support/plan-team-fixture.js';
import { WebClient } from '../../../test/support/web-client.js';
import { loadSettings } from '../../config.js';
import { buildApp } from '../app.js';

interface OtlpValue { stringValue?: string; intValue?: number | string }
interface OtlpSpan { name: string; attributes: { key: string; value: OtlpValue }[] }
interface OtlpExport { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] }

/** A collector on loopback that keeps every OTLP/HTTP JSON export it is sent. */
async function startCollector() {
  const bodies: string[] = [];
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      paths.push(req.url ?? '');
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const spans = () => bodies.flatMap((b) => (JSON.parse(b) as OtlpExport).resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies, paths, spans,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
};

describe('OpenTelemetry traces, when an OTLP endpoint is set', () => {
  let database: TestDatabase;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  beforeAll(async () => {
    database = await freshDatabase('pglite');
    collector = await startCollector();
  });
  afterAll(async () => {
    await collector.close();
    await database.drop();
  });

  const appWith = (env: NodeJS.ProcessEnv, scheduledSweeps = false): Promise<FastifyInstance> => buildApp({
    settings: loadSettings({ NODE_ENV: 'test', LOG_LEVEL: 'silent', CONVENE_DATA_DIR: '/tmp/convene-test-unused', ...env }),
    database: database.handle, clock: new TestClock(new Date('2026-03-02T10:00:00Z')).now, logger: false, scheduledSweeps,
  });

  it('sends a span per request (route pattern, status, user id) and per job run, with no child’s name or record path in them', async () => {
    const team = await planTeam(database.handle.db, { plans: 1, givenNames: 'Zephyrine', plan: () => ({ startDate: '2026-01-05', visitFrequencyWeeks: 2 }) });
    const caseId = team.plans[0]!.caseId;

    // Off: nothing is sent.
    const untraced = await appWith({});
    const quiet = new WebClient(untraced);
    await quiet.signIn(team.worker.username, TEST_PASSWORD);
    expect((await quiet.get(`/cases/${caseId}`)).statusCode).toBe(200);
    await untraced.close();
    expect(collector.bodies).toEqual([]);

    const app = await appWith({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint }, true);
    const browser = new WebClient(app);
    await browser.signIn(team.worker.username, TEST_PASSWORD);
    const page = await browser.get(`/cases/${caseId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Zephyrine');
    await app.convene.jobs!.tick();
    // Closing flushes the batch to the collector.
    await app.close();

    expect(new Set(collector.paths)).toEqual(new Set(['/v1/traces']));
    const spans = collector.spans();
    const casePage = spans.find((s) => s.name === 'GET /cases/:id');
    expect(casePage).toBeDefined();
    expect(attribute(casePage!, 'http.route')).toBe('/cases/:id');
    expect(attribute(casePage!, 'http.response.status_code')).toBe(200);
    expect(attribute(casePage!, 'enduser.id')).toBe(team.worker.id);
    expect(spans.find((s) => s.name === 'POST /sign-in')).toBeDefined();
    expect(spans.map((s) => s.name)).toEqual(expect.arrayContaining(['job review-requests', 'job report-reminders']));

    const everything = collector.bodies.join('\n');
    expect(everything).not.toContain('Zephyrine');
    expect(everything).not.toContain(caseId);
    expect(everything).not.toContain(TEST_PASSWORD);
  }, 60_000);
});
