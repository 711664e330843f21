import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { cases, childProtectionPlans, people, relationships } from '../../../db/schema/index.js';
import { TestClock } from '../../../../test/support/app.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { expectPage } from '../../../../test/support/page-expectations.js';
import { describeEachEngine } from '../../../../test/support/database.js';

const NOW = new Date('2026-12-07T03:10:00Z');

describeEachEngine('RG2–RG4 enquiry pages', (engine) => {
  const suite = signedInApp(engine, { clock: new TestClock(NOW), demo: { now: NOW, pack: 'national' } });
  const { signedIn } = suite;

  it('an enquirer checks the caller (keeping what was typed when refused), finds the child and reads the answer', async () => {
    const enquirer = await signedIn('enquirer');
    expect((await enquirer.get('/')).body).toContain('Your enquiries today');
    expectPage(await enquirer.get('/enquiries/new'), { status: 200, shows: [], lacks: ['govuk-error-message'] });

    const typed = { callerName: 'Pat Examplecop', callerRole: 'Police sergeant', callerAgency: 'Demoshire Police', callbackNumber: '07700 900123' };
    expectPage(await enquirer.post('/enquiries', typed), {
      status: 400, shows: ['not in the directory of recognised agencies', 'Pat Examplecop', '07700 900123'],
    });

    const started = await enquirer.post('/enquiries', { ...typed, callbackNumber: '01632 960100' });
    expect(started.statusCode).toBe(302);
    const searchUrl = String(started.headers.location);
    expect(searchUrl).toMatch(/^\/enquiries\/[0-9a-f-]{36}\/search$/);

    const [row] = await suite.db().select({ child: people, plan: childProtectionPlans }).from(childProtectionPlans)
      .innerJoin(people, eq(childProtectionPlans.childId, people.id)).innerJoin(cases, eq(cases.childId, people.id))
      .where(and(isNull(childProtectionPlans.endDate), isNull(cases.closedOn))).limit(1);
    const tooLittle = await enquirer.get(`${searchUrl}?given=&family=${encodeURIComponent(row!.child.familyName)}`);
    expect(tooLittle.statusCode).toBe(400);
    expect(tooLittle.body).toContain('A family name alone matches too many people');
    const results = await enquirer.get(`${searchUrl}?given=${encodeURIComponent(row!.child.givenNames)}&family=${encodeURIComponent(row!.child.familyName)}`);
    expect(results.statusCode).toBe(200);
    expect(results.body).toContain(`value="${row!.child.id}"`);
    // Before choosing, the enquirer sees no plan status.
    expect(results.body).not.toContain('On a plan');

    const id = searchUrl.split('/')[2]!;
    const answered = await enquirer.post(`/enquiries/${id}/answer`, { childId: row!.child.id });
    expect(answered.statusCode).toBe(302);
    const page = await enquirer.get(`/enquiries/${id}`);
    expect(page.body).toContain('Read this to the caller');
    expect(page.body).toContain('On a child protection plan with Demoshire County Council (demo)');
    expect(page.body).toContain('01632 960100 (recognised: Demoshire Police control room (demo))');
  });

  it('an enquirer adds a parent’s name: the child whose recorded parent it is says so, and a name it cannot read is refused with every value kept', async () => {
    const enquirer = await signedIn('enquirer');
    await enquirer.get('/enquiries/new');
    const started = await enquirer.post('/enquiries', { callerName: 'Pat Examplecop', callerRole: 'Police sergeant', callerAgency: 'Demoshire Police', callbackNumber: '01632 960100' });
    expect(started.statusCode).toBe(302);
    const searchUrl = String(started.headers.location);
    const db = suite.db();
    const [rel] = await db.select({ rel: relationships }).from(relationships).innerJoin(people, eq(people.id, relationships.childId))
      .where(and(inArray(relationships.type, ['mother', 'father']), eq(people.kind, 'child'), isNotNull(people.dateOfBirth))).limit(1);
    const [child] = await db.select().from(people).where(eq(people.id, rel!.rel.childId));
    const [parent] = await db.select().from(people).where(eq(people.id, rel!.rel.personId));
    const ask = (parentGiven: string) => new URLSearchParams({ given: child!.givenNames, family: child!.familyName, parentGiven, parentFamily: parent!.familyName }).toString();

    const results = await enquirer.get(`${searchUrl}?${ask(parent!.givenNames)}`);
    expect(results.statusCode).toBe(200);
    expect(results.body).toContain(`value="${child!.id}"`);
    expect(results.body).toMatch(new RegExp(`${rel!.rel.type}(&#39;|')s name matches`));

    expectPage(await enquirer.get(`${searchUrl}?${ask('Маргарита')}`), {
      status: 400,
      shows: ['Enter the parent’s given name in Latin letters', 'value="Маргарита"', `value="${parent!.familyName}"`, `value="${child!.givenNames}"`],
    });
  });

  it('the designated manager sees the log; a social worker cannot take enquiries; the administrator keeps the directory', async () => {
    const officer = await signedIn('register-officer');
    const log = await officer.get('/enquiries');
    expect(log.statusCode).toBe(200);
    expect(log.body).toContain('Pat Examplecop');
    const worker = await signedIn('social-worker');
    expect((await worker.get('/enquiries/new')).statusCode).toBe(403);

    const admin = await signedIn('administrator');
    const directory = await admin.get('/admin/recognised-callers');
    expect(directory.body).toContain('01632 960100');
    const bad = await admin.post('/admin/recognised-callers', { agency: 'Demoshire Ambulance control (demo)', agencyKind: 'health', phone: '12' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter a UK telephone number');
    expect(bad.body).toContain('Demoshire Ambulance control (demo)');
    expect((await admin.post('/admin/recognised-callers', { agency: 'Demoshire Ambulance control (demo)', agencyKind: 'health', phone: '01632 960400' })).statusCode).toBe(302);
    expect((await admin.get('/admin/recognised-callers')).body).toContain('01632 960400');
  });
});
