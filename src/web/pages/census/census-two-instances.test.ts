import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it, vi } from 'vitest';
import { TestClock } from '../../../../test/support/app.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { TEST_PASSWORD } from '../../../../test/support/factories.js';
import { suiteDatabase } from '../../../../test/support/suite-database.js';
import { WebClient } from '../../../../test/support/web-client.js';
import { auditEvents, censusChecks } from '../../../db/schema/index.js';
import { seedDemo } from '../../../modules/demo/seed-demo.js';
import { finishedCensusCheck } from './census-check.test-support.js';

/**
 * An instance of the app as another process would run it: every module loaded afresh, so it shares
 * nothing with the other instance but the database (the product runs two in production).
 */
async function instance(suite: ReturnType<typeof suiteDatabase>, clock: TestClock): Promise<FastifyInstance> {
  vi.resetModules();
  const { testApp } = await import('../../../../test/support/app.js');
  return testApp(suite.handle(), { clock });
}

async function signedIn(app: FastifyInstance, username: string): Promise<WebClient> {
  const client = new WebClient(app);
  expect((await client.signIn(username, TEST_PASSWORD)).statusCode).toBe(302);
  // The form first: it sets the session's CSRF token.
  await client.get('/census');
  return client;
}

describeEachEngine('census checks on two instances of the app', (engine) => {
  const suite = suiteDatabase(engine);
  const clock = new TestClock(new Date('2027-04-02T09:00:00Z'));
  beforeAll(async () => {
    await seedDemo(suite.db(), { password: TEST_PASSWORD, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'convene-census-two-')), now: new Date('2027-03-15T10:00:00Z'), pack: 'national' });
  }, 180_000);

  it('a check started on one instance shows its progress and report on the other, to the person who started it only; a silent one shows as stopped', async () => {
    const first = await instance(suite, clock);
    const second = await instance(suite, clock);
    try {
      const here = await signedIn(first, 'service-manager');
      const started = await here.post('/census', { referenceDate: '2027-03-31', laCode: '999' });
      expect(started.statusCode).toBe(302);
      const location = started.headers.location as string;
      const id = location.split('/').at(-1)!;
      expect((await suite.db().select().from(censusChecks).where(eq(censusChecks.id, id)))[0]).toMatchObject({ referenceDate: '2027-03-31', laCode: '999' });

      const there = await signedIn(second, 'service-manager');
      // While it runs, the other instance shows how far it has got, read from the database.
      const shown = await finishedCensusCheck(() => there.get(location));
      expect(shown.statusCode).toBe(200);
      expect(shown.body).toMatch(/\d+ children; 0 errors/);
      const other = await signedIn(second, 'register-officer');
      expect((await other.get(location)).statusCode).toBe(404);

      // A running check whose instance has said nothing for a while (it stopped, or restarted) is reported as stopped.
      await suite.db().update(censusChecks).set({ state: 'running', heartbeatAt: new Date('2027-04-02T08:00:00Z') }).where(eq(censusChecks.id, id));
      const stopped = await there.get(location);
      expect(stopped.statusCode).toBe(500);
      expect(stopped.body).toContain('The check stopped before it finished');
      const viewed = await suite.db().select().from(auditEvents).where(eq(auditEvents.recordId, id));
      expect(viewed.map((a) => a.action)).toEqual(expect.arrayContaining(['census-check-started', 'census-check-viewed']));
    } finally {
      await first.close();
      await second.close();
    }
  });
});
