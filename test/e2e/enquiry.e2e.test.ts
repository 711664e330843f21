import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, signIn, startJourney, type Running } from './support.js';

/** The enquirer's whole job at 3 a.m.: the caller checked, the child found, the answer read out; then the designated manager's log. */
describe('the enquiry service at night', () => {
  let run: Running;
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    run = await startJourney({ now: '2026-12-07T03:10:00Z' });
    context = await run.browser.newContext();
    page = await context.newPage();
  });
  afterAll(async () => run.close());

  it('a police caller on a recognised number asks about a child on a plan and hears the answer (RG2, RG3)', async () => {
    await signIn(page, run.baseUrl, 'enquirer');
    await expectAccessible(page);
    expect(await page.locator('main').textContent()).toContain('Your enquiries today');

    await page.getByRole('link', { name: 'Take an enquiry' }).click();
    await expectAccessible(page);
    await page.getByLabel('Caller’s name').fill('Pat Examplecop');
    await page.getByLabel('Caller’s role').fill('Police sergeant');
    await page.getByLabel('Agency').fill('Demoshire Police');
    await page.getByLabel('Number to call them back on').fill('07700 900123');
    await page.getByRole('button', { name: 'Continue to the search' }).click();
    // An unrecognised number: refused with the reason asked for, nothing typed lost.
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('not in the directory of recognised agencies');
    expect(await page.getByLabel('Caller’s name').inputValue()).toBe('Pat Examplecop');
    await expectAccessible(page);
    await page.getByLabel('Number to call them back on').fill('01632 960100');
    await page.getByRole('button', { name: 'Continue to the search' }).click();

    await expect(page.getByRole('heading', { name: 'Find the child' }).isVisible()).resolves.toBe(true);
    await page.getByLabel('Family name', { exact: true }).fill('Dummington');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('A family name alone matches too many people');
    await expectAccessible(page);
    await page.getByLabel('Given names', { exact: true }).fill('Mike');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'This is the child: Mike Dummington' }).click();

    await expectAccessible(page);
    const answer = await page.locator('#answer').textContent();
    expect(answer).toContain('Mike Dummington');
    expect(answer).toContain('On a child protection plan with Demoshire County Council (demo)');
    expect(answer).toContain('Out of hours, call the duty team on 01632 960000.');
  });

  it('a child nobody knows becomes a contact record with the advice given (RG4)', async () => {
    await page.getByRole('link', { name: 'Take another enquiry' }).click();
    await page.getByLabel('Caller’s name').fill('Nia Nurseworth');
    await page.getByLabel('Caller’s role').fill('Emergency department nurse');
    await page.getByLabel('Agency').fill('Demoshire Hospital');
    await page.getByLabel('Number to call them back on').fill('01632 960200');
    await page.getByRole('button', { name: 'Continue to the search' }).click();
    await page.getByLabel('Given names', { exact: true }).fill('Zebedee');
    await page.getByLabel('Family name', { exact: true }).fill('Nonesuchworth');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('link', { name: /None of these is the child/ }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save the contact record' }).click();
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    await page.getByLabel('What advice did you give the caller?').fill('Not known here; advised a referral to the front door if worried.');
    await page.getByRole('button', { name: 'Save the contact record' }).click();
    await expectAccessible(page);
    expect(await page.locator('main').textContent()).toContain('Advice given: Not known here; advised a referral');
  });

  it('the designated manager sees the night’s enquiries on their work and in the log', async () => {
    const officer = await (await run.browser.newContext()).newPage();
    await signIn(officer, run.baseUrl, 'register-officer');
    const home = await officer.locator('main').textContent();
    expect(home).toContain('Enquiries today, and any to check');
    expect(home).toContain('enquiry from Demoshire Police: Mike Dummington');
    await officer.getByRole('link', { name: 'Enquiries', exact: true }).click();
    await expectAccessible(officer);
    expect(await officer.locator('table').textContent()).toContain('Nia Nurseworth');
  });
});
