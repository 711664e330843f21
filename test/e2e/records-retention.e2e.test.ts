import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, people, recordDisposals, subjectAccessRequests, users } from '../../src/db/schema/index.js';
import { childOnAPlan } from '../support/escalation-factory.js';
import { expectAccessible, signIn, startJourney, type Running, fillDate } from './support.js';

/**
 * Issue 22, RC7 and RC5's retention in Chromium, every page axe-checked: the administrator shortens a
 * period, the register officer finds the case it brings due and proposes disposal, the administrator
 * approves it and the stub is all that remains; a subject access request is recorded, extended,
 * its bundle previewed, approved and released.
 */
describe('records retention and subject access journey', () => {
  let run: Running;
  let caseId: string;
  beforeAll(async () => {
    run = await startJourney();
    const db = run.database.db;
    const [admin] = await db.select().from(users).where(eq(users.username, 'administrator'));
    // A child who had a plan, born 2005, whose case closed in 2016: by Convene's defaults due in 2030.
    const f = await childOnAPlan(db, admin!.organisationId);
    await db.update(people).set({ givenNames: 'Retentia', familyName: 'Oldcase', dateOfBirth: '2005-02-01' }).where(eq(people.id, f.child.id));
    await db.update(cases).set({ openedOn: '2015-01-05', closedOn: '2016-03-01' }).where(eq(cases.id, f.case.id));
    caseId = f.case.id;
  });
  afterAll(async () => run.close());

  it('the administrator shortens the period for cases with a plan, confirming it first (RC7)', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'administrator');
    await page.getByRole('link', { name: 'Retention schedule' }).click();
    await expectAccessible(page);
    const plan = page.getByRole('group', { name: 'A case in which the child had a child protection plan' });
    await plan.getByLabel('Years kept').fill('ten');
    await page.getByRole('button', { name: 'Save the retention schedule' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter a whole number of years, like 7');
    expect(await plan.getByLabel('Years kept').inputValue()).toBe('ten');
    await expectAccessible(page);
    await plan.getByLabel('Years kept').fill('8');
    await plan.getByLabel('the day the case closed').check();
    await plan.getByLabel(/never sooner than/).fill('');
    await plan.getByLabel(/no date of birth is recorded/).fill('');
    await page.getByRole('button', { name: 'Save the retention schedule' }).click();
    expect(await page.locator('h1').textContent()).toBe('Check the shorter retention periods');
    expect(await page.content()).toContain('8 years after the day the case closed');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save the shorter periods' }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The retention schedule is saved: 1 record type changed.');
    await expectAccessible(page);
    await context.close();
  });

  it('the register officer sees the case now due and proposes disposal; the administrator approves and performs it; the stub is shown (RC7, four eyes)', async () => {
    const officerContext = await run.browser.newContext();
    const officer = await officerContext.newPage();
    await signIn(officer, run.baseUrl, 'register-officer');
    await officer.getByRole('link', { name: /closed case due for retention review/ }).first().click();
    await expectAccessible(officer);
    expect(await officer.content()).toContain('8 years after the case closed');
    await officer.getByRole('link', { name: 'Retentia Oldcase' }).click();
    await expectAccessible(officer);
    await officer.getByRole('button', { name: 'Propose disposal' }).click();
    expect(await officer.content()).toContain('A second, different person approves it.');
    await expectAccessible(officer);
    await officerContext.close();

    const adminContext = await run.browser.newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, run.baseUrl, 'administrator');
    await admin.getByRole('link', { name: 'Disposal to approve: Retentia Oldcase' }).click();
    await expectAccessible(admin);
    await admin.getByRole('link', { name: 'Check and approve the disposal' }).click();
    await expectAccessible(admin);
    await admin.getByRole('button', { name: 'Dispose of the records' }).click();
    expect(await admin.locator('.govuk-error-summary').textContent()).toContain('Confirm that the records are to be disposed of for good');
    await expectAccessible(admin);
    await admin.getByLabel('I have checked the case and approve its disposal').check();
    await admin.getByRole('button', { name: 'Dispose of the records' }).click();
    const stub = await admin.content();
    expect(stub).toContain('The records are disposed of.');
    expect(stub).toContain('Disposed of on');
    expect(stub).not.toContain('Retentia');
    await expectAccessible(admin);
    await adminContext.close();
    const [row] = await run.database.db.select().from(recordDisposals).where(and(eq(recordDisposals.caseId, caseId), isNotNull(recordDisposals.disposedAt)));
    expect(row?.status).toBe('disposed');
  });

  it('information governance records a subject access request, extends it, previews the bundle, approves and releases it (RC7)', async () => {
    const db = run.database.db;
    const [auditor] = await db.select().from(users).where(eq(users.username, 'auditor'));
    const [child] = await db.select({ givenNames: people.givenNames, familyName: people.familyName, dateOfBirth: people.dateOfBirth }).from(people)
      .innerJoin(cases, eq(cases.childId, people.id)).where(and(eq(cases.organisationId, auditor!.organisationId), isNotNull(people.dateOfBirth), eq(people.kind, 'child'))).limit(1);
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'auditor');
    await page.getByRole('link', { name: 'Subject access', exact: true }).click();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Record a subject access request' }).click();
    await expectAccessible(page);
    await page.getByLabel('Given names').fill(child!.givenNames);
    await page.getByLabel('Family name').fill(child!.familyName);
    await fillDate(page, 'Date of birth', child!.dateOfBirth!);
    await page.getByLabel('Their name').fill('Morgan Requester');
    await page.getByLabel('A parent with parental responsibility, for the child').check();
    await fillDate(page, 'Date their identity was checked', run.today());
    await page.getByLabel('What was seen to check it').fill('Passport seen at the front desk');
    await page.getByRole('button', { name: 'Save the request' }).click();
    expect(page.url()).toMatch(/\/subject-access\/[0-9a-f-]{36}$/);
    await expectAccessible(page);

    await page.getByText('Extend a complex request by two further months').click();
    await page.getByLabel('Email or postal address').fill('1 Example Road, Sampletown ST1 1AA');
    await page.getByRole('button', { name: 'Extend by two months and tell the requester' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Say why the request is complex enough to need more time');
    expect(await page.getByLabel('Email or postal address').inputValue()).toBe('1 Example Road, Sampletown ST1 1AA');
    await expectAccessible(page);
    await page.getByLabel('Why the request is complex').fill('Records held by three teams over nine years');
    await page.getByLabel('Post', { exact: true }).check();
    await page.getByRole('button', { name: 'Extend by two months and tell the requester' }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The request is extended: it is now due');
    await expectAccessible(page);
    const [request] = await db.select().from(subjectAccessRequests).where(eq(subjectAccessRequests.requesterName, 'Morgan Requester'));
    expect(request?.extensionReason).toBe('Records held by three teams over nine years');

    // The preview: the bundle as the requester would get it.
    const href = await page.getByRole('link', { name: 'Download the bundle (PDF)' }).getAttribute('href');
    const pdf = await page.request.get(`${run.baseUrl}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    await page.getByLabel('How it was given').fill('Posted by recorded delivery');
    await page.getByRole('button', { name: 'Record the release' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Confirm that you have read the bundle');
    await expectAccessible(page);
    await page.getByLabel('I have read the bundle and it holds nothing that should be withheld').check();
    await page.getByRole('button', { name: 'Record the release' }).click();
    expect(await page.content()).toContain('Posted by recorded delivery');
    await expectAccessible(page);
    await context.close();
  });
});
