import { and, eq, inArray, ne } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/app.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { TEST_PASSWORD } from '../../../../test/support/factories.js';
import { WebClient } from '../../../../test/support/web-client.js';
import { auditEvents, conferences, teams, users } from '../../../db/schema/index.js';
import { expectPage } from '../../../../test/support/page-expectations.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const YEAR = 'period=census-year&date=2026-03-02';

describeEachEngine('the performance dashboard', (engine) => {
  const suite = signedInApp(engine, { clock: new TestClock(NOW), demo: { now: NOW, pack: 'hertfordshire' } });
  const { app, signedIn } = suite;

  it('shows a service manager every indicator with its definition, charts with data tables, and links to the children', async () => {
    const client = await signedIn('service-manager');
    const res = await client.get(`/performance?${YEAR}`);
    expect(res.statusCode).toBe(200);
    for (const id of ['KP1', 'KP2', 'KP3', 'KP4', 'KP5', 'KP6', 'KP7', 'KP8', 'KP9', 'KP10']) expect(res.body).toContain(`${id} `);
    expectPage(res, {
      shows: ['Census year 2025 to 2026', '<svg role="img"', 'England 2025: 81.4%', 'Safeguarding Team North', '/performance/children?period=census-year&amp;date=2026-03-02&amp;measure=KP1.icpc'],
      lacks: ['Nothing to measure'],
    });
    const empty = await client.get('/performance?period=month&date=2010-01-01');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('Nothing to measure in this period');
  });

  it('names the children behind a figure, auditing each one, and exports the list and the tables as CSV, audited', async () => {
    const client = await signedIn('service-manager');
    const db = suite.db();
    const [manager] = await db.select().from(users).where(eq(users.username, 'service-manager'));
    const drill = await client.get(`/performance/children?${YEAR}&measure=KP1.icpc`);
    expect(drill.statusCode).toBe(200);
    const childLinks = [...drill.body.matchAll(/href="\/people\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    expect(childLinks.length).toBeGreaterThan(0);
    const audited = await db.select().from(auditEvents).where(and(eq(auditEvents.userId, manager!.id), eq(auditEvents.recordType, 'performance-drill-down'), eq(auditEvents.action, 'child-record-viewed')));
    expect(new Set(audited.map((a) => a.childId))).toEqual(new Set(childLinks));

    const csv = await client.get(`/performance/children.csv?${YEAR}&measure=KP1.icpc`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('"child","child record id","date","on time","detail"');
    const table = await client.get(`/performance/export.csv?${YEAR}&table=measures`);
    expect(table.statusCode).toBe(200);
    expect(table.body).toContain('"KP10","Advocacy take-up","IN6"');
    const exports = await db.select().from(auditEvents).where(and(eq(auditEvents.userId, manager!.id), eq(auditEvents.action, 'performance-exported')));
    expect(exports.some((e) => e.recordId === 'measures')).toBe(true);
    expect(exports.filter((e) => e.recordType === 'performance-drill-down').length).toBe(new Set(childLinks).size);
  });

  it('refuses bad input with a message and no 5xx', async () => {
    const client = await signedIn('service-manager');
    const backwards = await client.get('/performance?period=custom&from=2026-03-31&to=2026-03-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('The period ends before it starts');
    expect((await client.get('/performance?period=month&date=2026-02-30')).statusCode).toBe(400);
    expect((await client.get('/performance?period=fortnight')).statusCode).toBe(400);
    expect((await client.get('/performance?team=not-an-id')).statusCode).toBe(400);
    expect((await client.get(`/performance/children?${YEAR}&measure=KP99.nothing`)).statusCode).toBe(404);
    expect((await client.get(`/performance/export.csv?${YEAR}&table=secrets`)).statusCode).toBe(404);
  });

  it('keeps a team manager to their own team and refuses the others; a social worker sees none', async () => {
    const db = suite.db();
    const [manager] = await db.select().from(users).where(eq(users.username, 'team-manager'));
    const [other] = await db.select().from(teams).where(ne(teams.id, manager!.teamId!));
    const client = await signedIn('team-manager');
    const own = await client.get(`/performance?${YEAR}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Figures for the children of your team');
    expect((await client.get(`/performance?${YEAR}&team=${other!.id}`)).statusCode).toBe(403);
    expect((await client.get(`/performance/children?${YEAR}&measure=KP1.icpc&team=${other!.id}`)).statusCode).toBe(403);
    const worker = await signedIn('social-worker');
    expect((await worker.get('/performance')).statusCode).toBe(403);
    expect((await worker.get(`/performance/export.csv?${YEAR}`)).statusCode).toBe(403);
  });

  it('shows a team manager their team’s figures and a chair their own for this month; a social worker none', async () => {
    for (const [username, whose] of [['team-manager', 'your team'], ['chair', 'the conferences you chaired']] as const) {
      const client = new WebClient(app());
      await client.signIn(username, TEST_PASSWORD);
      const home = await client.get('/');
      expectPage(home, { status: 200, shows: [`March 2026: figures for ${whose}`, 'Initial conferences held within timescale (TS1)', 'href="/performance?period=month&amp;date=2026-03-02"'] });
    }
    const worker = new WebClient(app());
    await worker.signIn('social-worker', TEST_PASSWORD);
    expect((await worker.get('/')).body).not.toContain('figures for');
  });

  it('says when the home page figures were counted, keeps them until something is written, then counts again', async () => {
    const db = suite.db();
    const figures = (body: string) => /<section[^>]*aria-labelledby="own-figures">[\s\S]*?<\/section>/.exec(body)?.[0] ?? '';
    const manager = await signedIn('team-manager');
    const before = figures((await manager.get('/')).body);
    expect(before).toContain('Counted from the records at 10:00 on 2 March 2026');
    // Another instance (or the command line) records this month's conferences as held: not seen
    // here until this process writes something or a minute passes.
    const held = await db.update(conferences).set({ status: 'held', heldOn: '2026-03-02' }).where(inArray(conferences.status, ['booked', 'invitations-sent'])).returning({ id: conferences.id });
    expect(held.length).toBeGreaterThan(0);
    expect(figures((await manager.get('/')).body)).toBe(before);
    // Any successful write through Convene here (someone signing out) drops the kept figures.
    const worker = await signedIn('social-worker');
    await worker.get('/');
    expect((await worker.post('/sign-out', {})).statusCode).toBeLessThan(400);
    const after = figures((await manager.get('/')).body);
    expect(after).not.toBe(before);
    expect(after).toContain('Counted from the records at');
  });
});
