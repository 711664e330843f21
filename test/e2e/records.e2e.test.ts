import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, signIn, startJourney, type Running } from './support.js';

describe('records: people, families and agencies', () => {
  let run: Running;
  beforeAll(async () => {
    run = await startJourney();
  });
  afterAll(async () => run.close());

  it('a social worker finds a child, opens the case page, records the father’s parental responsibility and a move out', async () => {
    const page = await (await run.browser.newContext()).newPage();
    await signIn(page, run.baseUrl, 'social-worker');
    await page.getByRole('link', { name: 'Search' }).first().click();
    // The search page now leads with the enquiry matcher; a part of a name goes in the second form.
    await page.getByLabel('Name', { exact: true }).fill('charl');
    await page.getByRole('button', { name: 'Search by part' }).click();
    await expectAccessible(page);
    await page.getByRole('link', { name: /Charlie Sampleford/ }).first().click();
    await expectAccessible(page);
    await page.getByRole('link', { name: /Family and household/ }).click();
    await expectAccessible(page);
    expect(await page.locator('main').textContent()).toContain('Sampleford household');

    // Stub Sampleford, the father, does not live with the children: he is added to the household record to relate him.
    await page.getByRole('link', { name: 'Sampleford household' }).click();
    await expectAccessible(page);
    await page.getByLabel('Find a person by name').fill('Stub');
    await page.getByRole('button', { name: 'Search' }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: /Add Stub Sampleford/ }).click();
    expect(await page.locator('main').textContent()).toContain('Stub Sampleford');

    await page.getByRole('link', { name: /Family of Charlie Sampleford/ }).click();
    await page.getByLabel('Person').selectOption({ label: 'Stub Sampleford (adult)' });
    await page.getByLabel('Relationship to the child').selectOption('father');
    await page.getByRole('button', { name: 'Save the relationship' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Say whether they hold parental responsibility');
    await expectAccessible(page);
    await page.locator('input[name="parentalResponsibility"][value="yes"]').check();
    await page.locator('input[name="livesWithChild"][value="no"]').check();
    await page.getByRole('button', { name: 'Save the relationship' }).click();
    const row = page.locator('tr', { hasText: 'Stub Sampleford' });
    expect(await row.textContent()).toMatch(/Father\s*Yes\s*No/);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Sampleford household' }).click();
    await page.getByRole('link', { name: /Moved out.*Stub Sampleford/ }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Record that they moved out' }).click();
    expect(await page.locator('main').textContent()).toContain('Lived here before');
  });

  it('business support adds a practitioner to an agency', async () => {
    const page = await (await run.browser.newContext()).newPage();
    await signIn(page, run.baseUrl, 'business-support');
    await page.getByRole('link', { name: 'Agencies' }).first().click();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Sampleton Primary School (demo)' }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Add practitioner' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Enter the practitioner’s name');
    await expectAccessible(page);
    await page.getByLabel('Name', { exact: true }).fill('Dee Ess-Ell');
    await page.getByLabel('Role', { exact: true }).fill('Designated safeguarding lead');
    await page.getByLabel('Secure email (optional)').fill('dsl@school.demoshire.example');
    await page.getByRole('button', { name: 'Add practitioner' }).click();
    expect(await page.locator('main').textContent()).toContain('Dee Ess-Ell');
    await expectAccessible(page);
  });
});
