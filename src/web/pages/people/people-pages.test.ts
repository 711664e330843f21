import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { auditEvents, cases, people, relationships } from '../../../db/schema/index.js';
import { refreshMatchKeys } from '../../../modules/enquiry/match-keys.js';
import { createFamily } from '../../../../test/support/front-door-fixtures.js';
import { describeEachEngine } from '../../../../test/support/database.js';
import { childOnAPlan } from '../../../../test/support/escalation-factory.js';
import { createOrganisation, createUser } from '../../../../test/support/factories.js';
import { WebClient } from '../../../../test/support/web-client.js';
import { signedInApp } from '../../../../test/support/signed-in-app.js';
import { expectPage } from '../../../../test/support/page-expectations.js';

describeEachEngine('people, search and the case page', (engine) => {
  let worker: WebClient;
  let orgId: string;
  const { handle, signedIn } = signedInApp(engine, { at: '2026-03-02T10:00:00Z' });
  beforeAll(async () => {
    orgId = (await createOrganisation(handle().db)).id;
    await createUser(handle().db, { roles: ['social-worker'], username: 'worker', organisationId: orgId });
    await createUser(handle().db, { roles: ['enquirer'], username: 'enquirer', organisationId: orgId });
    worker = await signedIn('worker');
  });

  it('records an unborn child with family name and EDD, then the birth on the same record (UB1)', async () => {
    await worker.get('/people/new');
    const bad = await worker.post('/people/new', { kind: 'child', unborn: 'yes', familyName: 'Sampleford', expectedDeliveryDate: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the expected date of delivery for an unborn child');
    expect(await handle().db.$count(people)).toBe(0);
    const ok = await worker.post('/people/new', { kind: 'child', unborn: 'yes', familyName: 'Sampleford', expectedDeliveryDate: '2026-06-15' });
    expect(ok.statusCode).toBe(302);
    const id = (ok.headers.location as string).split('/')[2]!.split('?')[0]!;
    const [unborn] = await handle().db.select().from(people).where(eq(people.id, id));
    expect(unborn).toMatchObject({ dateOfBirth: null, expectedDeliveryDate: '2026-06-15', sex: 'U' });
    expect(unborn?.laChildId).toMatch(/^[A-Z0-9]{1,20}$/);
    await worker.get(`/people/${id}/birth`);
    expect((await worker.post(`/people/${id}/birth`, { givenNames: 'Zulu', dateOfBirth: '2026-03-05', sex: 'F' })).statusCode).toBe(400);
    expect((await worker.post(`/people/${id}/birth`, { givenNames: 'Zulu', dateOfBirth: '2026-03-01', sex: 'F' })).statusCode).toBe(302);
    const [born] = await handle().db.select().from(people).where(eq(people.id, id));
    expect(born).toMatchObject({ givenNames: 'Zulu', dateOfBirth: '2026-03-01', sex: 'F' });
  });

  it('records an NHS number only when its check digit holds, keeping what was typed, and shows it 3-3-4', async () => {
    await worker.get('/people/new');
    const child = { kind: 'child', givenNames: 'Nina', familyName: 'Checkworth', dateOfBirth: '2018-02-03', sex: 'F' };
    expectPage(await worker.post('/people/new', { ...child, nhsNumber: '943 476 5918' }), {
      status: 400, shows: ['That is not a valid NHS number', '943 476 5918'],
    });
    const ok = await worker.post('/people/new', { ...child, nhsNumber: '943-476-5919' });
    expect(ok.statusCode).toBe(302);
    const page = await worker.get((ok.headers.location as string).split('?')[0]!);
    expect(page.body).toContain('943 476 5919');
  });

  it('finds a child by alias, partial name in any case, date of birth and postcode, and audits the search', async () => {
    await worker.get('/people/new');
    await worker.post('/people/new', { kind: 'child', givenNames: 'Yankee', familyName: 'Testworth', aliases: 'Yan Oldname', dateOfBirth: '2015-07-07', sex: 'M' });
    const [child] = await handle().db.select().from(people).where(eq(people.familyName, 'Testworth'));
    await worker.get(`/people/${child!.id}/addresses`);
    expect((await worker.post(`/people/${child!.id}/addresses`, { line1: '1 Mock Lane', town: 'Stubton', postcode: 'zz9 9zz', fromDate: '2024-01-01' })).statusCode).toBe(302);
    for (const query of ['name=oldnam', 'name=TESTWO', 'dateOfBirth=2015-07-07', 'address=ZZ99ZZ', 'address=mock']) {
      const res = await worker.get(`/people/search?${query}`);
      expect(res.body, query).toContain('Yankee');
    }
    expect((await worker.get('/people/search?name=nobodyhere')).body).toContain('No one matches');
    expect((await worker.get('/people/search?dateOfBirth=2015-02-30')).statusCode).toBe(400);
    const audits = await handle().db.select().from(auditEvents).where(eq(auditEvents.action, 'people-searched'));
    expect(audits.length).toBeGreaterThanOrEqual(5);
    // Each search that showed the child is audited against the child: five searches, five disclosures.
    const shown = await handle().db.select().from(auditEvents).where(and(eq(auditEvents.action, 'person-shown-in-search'), eq(auditEvents.childId, child!.id)));
    expect(shown).toHaveLength(5);
  });

  it('finds a child with the matcher: any case, swapped date, address, case and plan status, with strength and reasons', async () => {
    const fixture = await childOnAPlan(handle().db, orgId);
    await worker.get(`/people/${fixture.child.id}/addresses`);
    expect((await worker.post(`/people/${fixture.child.id}/addresses`, { line1: '4 Mock Row', town: 'Stubton', postcode: 'zz9 8zz', fromDate: '2025-01-01' })).statusCode).toBe(302);
    const [child] = await handle().db.select().from(people).where(eq(people.id, fixture.child.id));
    const [y, m, d] = child!.dateOfBirth!.split('-');
    const res = await worker.get(`/people/search?given=${encodeURIComponent(child!.givenNames)}&family=${encodeURIComponent(child!.familyName.toUpperCase())}&dob=${y}-${d}-${m}&postcode=`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('4 Mock Row, Stubton ZZ9 8ZZ');
    expect(res.body).toContain('Open case');
    expect(res.body).toContain('On a plan');
    expect(res.body).toMatch(/date of birth (matches|with day and month swapped)/);
    const partial = await worker.get(`/people/search?name=${encodeURIComponent(child!.familyName)}`);
    expect(partial.body).toContain('4 Mock Row, Stubton ZZ9 8ZZ');
    expect(partial.body).toContain(`/cases/${fixture.case.id}`);
    const refused = await worker.get(`/people/search?given=&family=${encodeURIComponent(child!.familyName)}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('add a given name or a date of birth');
    const shown = await handle().db.select().from(auditEvents).where(and(eq(auditEvents.action, 'person-shown-in-search'), eq(auditEvents.childId, fixture.child.id)));
    expect(shown.length).toBeGreaterThanOrEqual(1);
  });

  it('shows the case page with household, chronology and live deadlines explained, and audits the read with the child', async () => {
    const fixture = await childOnAPlan(handle().db, orgId);
    const res = await worker.get(`/cases/${fixture.case.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Alpha Testington');
    expect(res.body).toContain('Child protection plan started');
    expect(res.body).toMatch(/Due 3 February 2026: 3 months after the initial conference on 3 November 2025/);
    expect(res.body).toContain('overdue');
    const reads = await handle().db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'child-record-viewed'), eq(auditEvents.childId, fixture.child.id)));
    expect(reads).toHaveLength(1);
  });

  it('lists in either search only those whose record the searcher may open: not another authority’s child, nor the parent known only through her', async () => {
    const db = handle().db;
    const elsewhere = await createOrganisation(db, { name: 'Elsewhere Council' });
    const theirs = await createFamily(db, elsewhere.id, 'Quillfeather', [{ givenNames: 'Tango', dateOfBirth: '2017-04-04' }]);
    const [mother] = await db.insert(people).values({ kind: 'adult', givenNames: 'Uma', familyName: 'Quillfeather' }).returning();
    await db.insert(relationships).values({ childId: theirs.children[0]!.childId, personId: mother!.id, type: 'mother', parentalResponsibility: true });
    const ours = await createFamily(db, orgId, 'Quillfeather', [{ givenNames: 'Victor', dateOfBirth: '2019-09-09' }]);
    // Keyed for the matcher, as records made through the pages are.
    await refreshMatchKeys(db, [theirs.children[0]!.childId, mother!.id, ours.children[0]!.childId]);
    const res = await worker.get('/people/search?name=quillfeather');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Victor');
    expect(res.body).toContain(`/cases/${ours.children[0]!.caseId}`);
    expect(res.body).not.toContain('Tango');
    expect(res.body).not.toContain('Uma');
    expect(res.body).not.toContain(`/people/${theirs.children[0]!.childId}`);
    // Nor does the matcher, given her full name and date of birth.
    const matched = await worker.get('/people/search?given=Tango&family=Quillfeather&dob=2017-04-04&postcode=');
    expect(matched.statusCode).toBe(200);
    expect(matched.body).not.toContain(theirs.children[0]!.childId);
    expect(matched.body).not.toContain(theirs.children[0]!.caseId);
    expect((await worker.get('/people/search?given=Victor&family=Quillfeather&dob=2019-09-09&postcode=')).body).toContain(`/cases/${ours.children[0]!.caseId}`);
    // As the browser sends it: the date of birth in GOV.UK's three boxes.
    expect((await worker.get('/people/search?given=Victor&family=Quillfeather&dob-day=9&dob-month=9&dob-year=2019&postcode=')).body).toContain(`/cases/${ours.children[0]!.caseId}`);
    const impossible = await worker.get('/people/search?given=Victor&family=Quillfeather&dob-day=31&dob-month=2&dob-year=2019&postcode=');
    expect(impossible.statusCode).toBe(400);
    expect(impossible.body).toContain('The date of birth must be a real date');
    expect(impossible.body).not.toContain(`/cases/${ours.children[0]!.caseId}`);
    expectDateBoxes(impossible.body, 'dob', '2019-02-31');
    expect(impossible.body).toContain('value="Victor"');
    // What is not shown is not recorded as shown.
    const shown = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'person-shown-in-search'), eq(auditEvents.childId, theirs.children[0]!.childId)));
    expect(shown).toHaveLength(0);
    // Their own staff still find her.
    await createUser(db, { roles: ['social-worker'], username: 'elsewhere-worker', organisationId: elsewhere.id });
    const theirWorker = await signedIn('elsewhere-worker');
    const found = (await theirWorker.get('/people/search?name=quillfeather')).body;
    expect(found).toContain('Tango');
    expect(found).toContain('Uma');
    expect(found).not.toContain('Victor');
    expect((await theirWorker.get('/people/search?given=Tango&family=Quillfeather&dob=2017-04-04&postcode=')).body).toContain(`/cases/${theirs.children[0]!.caseId}`);
  });

  it('refuses the case page and search to a role that may not see children’s records', async () => {
    const fixture = await childOnAPlan(handle().db, orgId);
    const enquirer = await signedIn('enquirer');
    expect((await enquirer.get(`/cases/${fixture.case.id}`)).statusCode).toBe(403);
    expect((await enquirer.get('/people/search?name=Alpha')).statusCode).toBe(403);
  });

  it('opens a case for a child with the household the child lives in now', async () => {
    const db = handle().db;
    const family = await createFamily(db, orgId, 'Wrenfield', [{ givenNames: 'Xray', dateOfBirth: '2018-08-08', noCase: true }]);
    const childId = family.children[0]!.childId;
    expect((await worker.get(`/people/${childId}/case`)).statusCode).toBe(200);
    const opened = await worker.post(`/people/${childId}/case`, { openedOn: '2026-03-01' });
    expect(opened.statusCode).toBe(302);
    const caseId = (opened.headers.location as string).split('/')[2]!;
    const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({ childId, householdId: family.householdId, openedOn: '2026-03-01' });
  });

  // Issue 20: a refusal by the action (not only by the form's own checks) brings the form back with what was typed.
  it('keeps what was typed when adding, changing or recording the birth of a person is refused', async () => {
    const db = handle().db;
    await worker.get('/people/new');
    const born = { kind: 'child', givenNames: 'Ottoline', familyName: 'Refusedworth', aliases: 'Otto Keptname', dateOfBirth: '2026-03-09', sex: 'F' };
    const future = await worker.post('/people/new', born);
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('Date of birth must be today or in the past');
    for (const value of ['Ottoline', 'Refusedworth', 'Otto Keptname']) expect(future.body).toContain(value);
    expectDateBoxes(future.body, 'dateOfBirth', '2026-03-09');
    expect(await db.$count(people, eq(people.familyName, 'Refusedworth'))).toBe(0);

    const created = await worker.post('/people/new', { ...born, dateOfBirth: '2019-03-09' });
    const id = (created.headers.location as string).split('/')[2]!.split('?')[0]!;
    const form = await worker.get(`/people/${id}/edit`);
    const openedAt = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    const edit = { givenNames: 'Ottoline', dateOfBirth: '2019-03-09', sex: 'F', version: openedAt };
    // Someone else saves first; this form was opened before their save.
    expect((await worker.post(`/people/${id}/edit`, { ...edit, familyName: 'Firstsaver' })).statusCode).toBe(302);
    const stale = await worker.post(`/people/${id}/edit`, { ...edit, familyName: 'Secondsaver', aliases: 'Typed Afterwards' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else changed this record while you were editing it');
    expect(stale.body).toContain('href="#familyName"');
    expect(stale.body).toContain('Secondsaver');
    expect(stale.body).toContain('Typed Afterwards');
    const [kept] = await db.select().from(people).where(eq(people.id, id));
    expect(kept?.familyName).toBe('Firstsaver');

    // A birth already recorded: the birth form again at 409, not the bare conflict page.
    const birth = await worker.post(`/people/${id}/birth`, { givenNames: 'Ottilie', dateOfBirth: '2019-03-08', sex: 'F' });
    expect(birth.statusCode).toBe(409);
    expect(birth.body).toContain('This child’s birth is already recorded.');
    expect(birth.body).toContain('value="Ottilie"');
    expectDateBoxes(birth.body, 'dateOfBirth', '2019-03-08');
  });

  it('keeps what was typed when an address or a second open case is refused', async () => {
    const db = handle().db;
    const family = await createFamily(db, orgId, 'Yarrowby', [{ givenNames: 'Zinnia', dateOfBirth: '2017-05-05' }]);
    const childId = family.children[0]!.childId;
    await worker.get(`/people/${childId}/addresses`);
    expect((await worker.post(`/people/${childId}/addresses`, { line1: '3 Present Row', town: 'Refuseton', postcode: 'ZZ9 7XX', fromDate: '2024-01-01' })).statusCode).toBe(302);
    const before = { line1: '7 Earlier Close', town: 'Refuseton', postcode: 'ZZ9 8YY', fromDate: '1990-01-01' };
    const address = await worker.post(`/people/${childId}/addresses`, before);
    expect(address.statusCode).toBe(400);
    expect(address.body).toContain('The new address must start after the current one');
    for (const value of [before.line1, before.town, before.postcode]) expect(address.body).toContain(value);
    expectDateBoxes(address.body, 'fromDate', before.fromDate);

    await worker.get(`/people/${childId}/case`);
    const second = await worker.post(`/people/${childId}/case`, { openedOn: '2026-02-27', primaryNeedCode: 'N4' });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('This child already has an open case');
    expectDateBoxes(second.body, 'openedOn', '2026-02-27');
    expect(second.body).toMatch(/value="N4" selected/);
    expect(await db.$count(cases, eq(cases.childId, childId))).toBe(1);
  });
});

/** A date shown again in GOV.UK's day, month and year boxes, as it was typed. */
function expectDateBoxes(body: string, name: string, iso: string): void {
  const [year, month, day] = iso.split('-').map((part, i) => (i === 0 ? part : String(Number(part))));
  expect(body).toMatch(new RegExp(`name="${name}-day"[^>]*value="${day}"`));
  expect(body).toMatch(new RegExp(`name="${name}-month"[^>]*value="${month}"`));
  expect(body).toMatch(new RegExp(`name="${name}-year"[^>]*value="${year}"`));
}
