import { eq } from 'drizzle-orm';
import { expect, it, vi } from 'vitest';
import { auditEvents, censusChecks } from '../../../db/schema/index.js';
import { TEST_PASSWORD } from '../../../../test/support/factories.js';
import { WebClient } from '../../../../test/support/web-client.js';
import { TestClock } from '../../../../test/support/app.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { describeEachEngine } from '../../../../test/support/database.js';

describeEachEngine('the census page', (engine) => {
  const suite = signedInApp(engine, { clock: new TestClock(new Date('2027-04-02T09:00:00Z')), demo: { now: new Date('2027-03-15T10:00:00Z'), pack: 'national' } });
  const { signedIn } = suite;
  const waitForEnd = async (client: WebClient, location: string) => {
    let checked = await client.get(location);
    for (let tries = 0; tries < 600 && checked.body.includes('See how far it has got'); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      checked = await client.get(location);
    }
    return checked;
  };

  it('a service manager checks the year, is refused a bad LA code with what they typed kept, then downloads the file', async () => {
    const manager = await signedIn('service-manager');
    const form = await manager.get('/census');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="2027-03-31"');
    const bad = await manager.post('/census', { referenceDate: '2027-03-31', laCode: '12x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('three-digit LA code');
    expect(bad.body).toContain('value="12x"');
    // The check runs in the background; its page says how far it has got until it has finished.
    const started = await manager.post('/census', { referenceDate: '2027-03-31', laCode: '999' });
    expect(started.statusCode).toBe(302);
    const location = started.headers.location as string;
    expect(location).toMatch(/^\/census\/checks\/[0-9a-f-]{36}$/);
    let checked = await manager.get(location);
    for (let tries = 0; tries < 600 && checked.body.includes('See how far it has got'); tries++) {
      expect(checked.body).toMatch(/Reading the year’s records|\d+ of \d+ children checked/);
      await new Promise((resolve) => setTimeout(resolve, 100));
      checked = await manager.get(location);
    }
    expect(checked.statusCode).toBe(200);
    expect(checked.body).toMatch(/\d+ children; 0 errors/);
    const someoneElse = await signedIn('register-officer');
    expect((await someoneElse.get(location)).statusCode).toBe(404);
    const file = await manager.post('/census', { referenceDate: '2027-03-31', laCode: '999', download: 'yes' });
    expect(file.headers['content-type']).toContain('application/xml');
    expect(file.body).toContain('<LEA>999</LEA>');
    const worker = await signedIn('social-worker');
    expect((await worker.get('/census')).statusCode).toBe(403);
  });

  it('a second instance on the same database (another process, or this one restarted) shows the progress and report of a check the first started, to the person who started it', async () => {
    const manager = await signedIn('service-manager');
    await manager.get('/census');
    const started = await manager.post('/census', { referenceDate: '2027-03-31', laCode: '999' });
    expect(started.statusCode).toBe(302);
    const location = started.headers.location as string;
    const id = location.split('/').at(-1)!;
    // The check's progress is in the database from the start, not in this process's memory.
    const [row] = await suite.db().select().from(censusChecks).where(eq(censusChecks.id, id));
    expect(row).toMatchObject({ referenceDate: '2027-03-31', laCode: '999' });
    await waitForEnd(manager, location);
    // A fresh copy of every module, as another process would have: nothing is shared with the first app but the database.
    vi.resetModules();
    const { testApp: secondInstance } = await import('../../../../test/support/app.js');
    const second = await secondInstance(suite.handle(), { clock: suite.clock });
    try {
      const there = new WebClient(second);
      expect((await there.signIn('service-manager', TEST_PASSWORD)).statusCode).toBe(302);
      await there.get('/census');
      const shown = await there.get(location);
      expect(shown.statusCode).toBe(200);
      expect(shown.body).toMatch(/\d+ children; 0 errors/);
      const other = new WebClient(second);
      await other.signIn('register-officer', TEST_PASSWORD);
      expect((await other.get(location)).statusCode).toBe(404);
      // A running check on an instance that has gone silent is reported as stopped, on any instance.
      await suite.db().update(censusChecks).set({ state: 'running', heartbeatAt: new Date('2027-04-02T08:00:00Z') }).where(eq(censusChecks.id, id));
      const stopped = await there.get(location);
      expect(stopped.statusCode).toBe(500);
      expect(stopped.body).toContain('The check stopped before it finished');
    } finally {
      await second.close();
    }
    const viewed = await suite.db().select().from(auditEvents).where(eq(auditEvents.action, 'census-check-viewed'));
    expect(viewed.filter((a) => a.recordId === id).length).toBeGreaterThanOrEqual(1);
  });

  it('the register officer shows the CP-IS feed for a window, is refused a backwards one, and downloads it as CSV', async () => {
    const officer = await signedIn('register-officer');
    expect((await officer.get('/cp-is')).statusCode).toBe(200);
    // As the browser sends GOV.UK's date boxes.
    const bad = await officer.post('/cp-is', { 'from-day': '10', 'from-month': '3', 'from-year': '2027', 'to-day': '1', 'to-month': '3', 'to-year': '2027' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The last day must be on or after the first day');
    expect(bad.body).toMatch(/name="from-day"[^>]*value="10"/);
    expect(bad.body).toMatch(/name="to-year"[^>]*value="2027"/);
    const shown = await officer.post('/cp-is', { from: '2020-01-01', to: '2027-03-31' });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('no valid NHS number');
    const csv = await officer.post('/cp-is', { from: '2020-01-01', to: '2027-03-31', download: 'yes' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toContain('nhsNumber');
  });
});
