import { expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/app.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { finishedCensusCheck } from './census-check.test-support.js';

describeEachEngine('the census page', (engine) => {
  const suite = signedInApp(engine, { clock: new TestClock(new Date('2027-04-02T09:00:00Z')), demo: { now: new Date('2027-03-15T10:00:00Z'), pack: 'national' } });
  const { signedIn } = suite;

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
    const checked = await finishedCensusCheck(() => manager.get(location));
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
