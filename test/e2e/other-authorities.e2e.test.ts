import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childProtectionPlans, emergencyResponsibility, outboxMessages, temporaryResidentChanges } from '../../src/db/schema/index.js';
import { formatDate } from '../../src/domain/deadlines/index.js';
import { otherAuthorityFixture } from '../../src/modules/transfers/other-authority-fixture.test-support.js';
import { asUser, errorFor, expectAccessible, expectRefused, fieldByName, JOURNEY_TIMEOUT, mainText, startJourney, submit, type Running, fillDate, dateValue, fillDateNamed } from './support.js';

/**
 * TR3: children of other authorities, as the designated manager (the register officer here) works
 * them from the Moves page: a child found here needing emergency action who is on another
 * authority's plan, and a child living here on another authority's plan who moves on.
 */
/** Finds a child by name and date of birth from the Search page and opens their case page. */
async function openCase(page: Page, name: string, dateOfBirth: string): Promise<void> {
  await page.getByRole('link', { name: 'Search', exact: true }).first().click();
  await page.locator('#name').fill(name);
  await fillDateNamed(page, 'dateOfBirth', dateOfBirth);
  await page.getByRole('button', { name: 'Search by part' }).click();
  await page.getByRole('link', { name: `Case page for ${name}` }).click();
  expect(new URL(page.url()).pathname).toMatch(/^\/cases\//);
}

describe('children of other authorities', () => {
  let run: Running;
  let f: Awaited<ReturnType<typeof otherAuthorityFixture>>;
  beforeAll(async () => {
    run = await startJourney();
    f = await otherAuthorityFixture(run.database.db, run.clock());
  }, JOURNEY_TIMEOUT);
  afterAll(async () => run?.close());

  it('TR3: emergency action for a child on another authority’s plan: consulted, responsibility stays here until they accept in writing, then passes', async () => {
    const db = run.database.db;
    const today = run.today();
    const officer = await asUser(run, f.officer.username);
    await officer.getByRole('link', { name: 'Moves', exact: true }).click();
    await expectAccessible(officer);
    await officer.getByRole('button', { name: 'Children of other authorities: emergencies and temporary residents' }).click();
    expect(new URL(officer.url()).pathname).toBe('/transfers/other-authorities');
    await expectAccessible(officer);
    expect(await mainText(officer)).toContain('Emergency action None recorded.');
    await officer.getByRole('link', { name: 'Back to moves' }).click();
    expect(new URL(officer.url()).pathname).toBe('/transfers');
    await officer.getByRole('button', { name: 'Children of other authorities: emergencies and temporary residents' }).click();

    await officer.getByRole('button', { name: 'Record a child found needing emergency action' }).click();
    expect(new URL(officer.url()).pathname).toBe('/transfers/emergency/new');
    await expectAccessible(officer);
    // Without the date of the consultation: refused against that field, with everything typed kept.
    await officer.getByLabel('Child', { exact: true }).selectOption({ label: 'Kilo Exampleton (2018-02-01)' });
    await officer.getByLabel('Responsible authority').fill('Exampleshire Council');
    await fieldByName(officer, 'responsibleBecause', 'plan').check();
    await officer.getByLabel('The emergency action taken').fill('Police protection overnight; placed with a foster carer.');
    await fillDate(officer, 'Date the child was found', today);
    await officer.getByLabel('Who at the authority was consulted').fill('Their out-of-hours duty manager');
    await expectRefused(officer, 'Record the consultation');
    expect(await errorFor(officer, 'consultedOn')).toContain('Enter the date the responsible authority was consulted');
    expect(await officer.getByLabel('The emergency action taken').inputValue()).toBe('Police protection overnight; placed with a foster carer.');
    expect(await officer.getByLabel('Who at the authority was consulted').inputValue()).toBe('Their out-of-hours duty manager');
    expect(await fieldByName(officer, 'responsibleBecause', 'plan').isChecked()).toBe(true);
    await expectAccessible(officer);
    await fillDate(officer, 'Date the authority was consulted', today);
    await submit(officer, 'Record the consultation');

    const [row] = await db.select().from(emergencyResponsibility).where(eq(emergencyResponsibility.childId, f.found.childId));
    const emergencyPath = `/transfers/emergency/${row!.id}`;
    expect(new URL(officer.url()).pathname).toBe(emergencyPath);
    await expectAccessible(officer);
    let text = await mainText(officer);
    expect(text).toContain('Emergency action: Exampleshire Council responsible');
    expect(text).toContain('Where things stand Consulted: waiting for their answer');
    expect(text).toContain(`Consulted ${formatDate(today)}: Their out-of-hours duty manager`);
    // Until they accept and confirm it in writing, the duty stays here: the page says so and offers no way to pass it.
    expect(text).toContain('until they explicitly accept, and confirm it in writing, it stays with us');
    expect(await officer.getByRole('button', { name: /^Pass responsibility/ }).count()).toBe(0);
    expect(row).toMatchObject({ status: 'consulting', passedAt: null, responsibleAuthority: 'Exampleshire Council', foundOn: today, consultedOn: today });

    // The child's case page says so too, and leads to the emergency record.
    await openCase(officer, 'Kilo Exampleton', '2018-02-01');
    await expectAccessible(officer);
    let onCase = await officer.getByTestId('emergency-responsibility').textContent();
    expect(onCase).toContain('Responsibility stays here');
    expect(onCase).toContain(`Emergency action on ${formatDate(today)}: Exampleshire Council was consulted. Responsibility stays with us until they explicitly accept it and confirm that in writing.`);
    await officer.getByRole('link', { name: 'The emergency action and the other authority’s answer' }).click();
    expect(new URL(officer.url()).pathname).toBe(emergencyPath);

    // The list shows it, and so does My work.
    await officer.getByRole('link', { name: 'Back', exact: true }).click();
    expect(await mainText(officer)).toContain('Kilo Exampleton, Exampleshire Council: Consulted: waiting for their answer');
    await officer.getByRole('link', { name: 'My work' }).click();
    const item = officer.getByRole('link', { name: 'Emergency action, another authority responsible: Kilo Exampleton' });
    expect(await item.count()).toBe(1);
    await item.click();
    expect(new URL(officer.url()).pathname).toBe(emergencyPath);

    // They accept by phone: a reference without the date of the letter is refused; the acceptance alone does not pass the duty.
    await fieldByName(officer, 'answer', 'accepts').check();
    await fillDate(officer, 'Date they answered', today);
    await officer.getByLabel('The letter or email that confirms it').fill('Email from their head of service');
    await expectRefused(officer, 'Save their answer');
    expect(await errorFor(officer, 'writtenConfirmationOn')).toContain('Enter the date of the written confirmation');
    expect(await officer.getByLabel('The letter or email that confirms it').inputValue()).toBe('Email from their head of service');
    await expectAccessible(officer);
    await officer.getByLabel('The letter or email that confirms it').fill('');
    await submit(officer, 'Save their answer');
    text = await mainText(officer);
    expect(text).toContain('Where things stand They accept: waiting for written confirmation');
    expect(text).toContain('They accept, but have not yet confirmed it in writing');
    expect(await officer.getByRole('button', { name: /^Pass responsibility/ }).count()).toBe(0);

    // Their email arrives: recorded, and only now can responsibility pass.
    await fillDate(officer, 'Date of their written confirmation, once received', today);
    await officer.getByLabel('The letter or email that confirms it').fill('Email from their head of service accepting responsibility');
    await submit(officer, 'Save their answer');
    text = await mainText(officer);
    expect(text).toContain('Accepted and confirmed in writing: responsibility can pass');
    expect(text).toContain(`Confirmed in writing ${formatDate(today)}: Email from their head of service accepting responsibility`);
    await expectAccessible(officer);
    await submit(officer, 'Pass responsibility to Exampleshire Council');
    text = await mainText(officer);
    expect(text).toContain('Where things stand Responsibility passed to them');
    expect(await officer.getByRole('button', { name: 'Save their answer' }).count()).toBe(0);
    await expectAccessible(officer);
    const [passed] = await db.select().from(emergencyResponsibility).where(eq(emergencyResponsibility.id, row!.id));
    expect(passed).toMatchObject({ status: 'passed', theirAnswer: 'accepts', writtenConfirmationOn: today, passedBy: f.officer.id });

    await officer.getByRole('link', { name: 'My work' }).click();
    expect(await officer.locator(`a[href="${emergencyPath}"]`).count()).toBe(0);
    await openCase(officer, 'Kilo Exampleton', '2018-02-01');
    onCase = await officer.getByTestId('emergency-responsibility').textContent();
    expect(onCase).not.toContain('Responsibility stays here');
    expect(onCase).toContain(`responsibility passed to Exampleshire Council on ${formatDate(today)}, after they accepted it in writing.`);
  }, JOURNEY_TIMEOUT);

  it('TR3: a child living here on another authority’s plan moves on: the change is recorded, she leaves the register here and the local agencies are told', async () => {
    const db = run.database.db;
    const today = run.today();
    const residentPath = `/plans/${f.planId}/temporary-resident`;
    const officer = await asUser(run, f.officer.username);
    await officer.getByRole('link', { name: 'Moves', exact: true }).click();
    await officer.getByRole('button', { name: 'Children of other authorities: emergencies and temporary residents' }).click();
    expect(await mainText(officer)).toContain('Lima Exampleton, Exampleshire Council');
    await officer.getByRole('link', { name: 'Lima Exampleton' }).click();
    expect(new URL(officer.url()).pathname).toBe(residentPath);
    await expectAccessible(officer);
    expect(await mainText(officer)).toContain('Living here on Exampleshire Council’s plan');
    await officer.getByRole('link', { name: 'Back', exact: true }).click();
    expect(new URL(officer.url()).pathname).toBe('/transfers/other-authorities');
    await officer.getByRole('link', { name: 'Lima Exampleton' }).click();

    // Without saying what changed: refused against that field, the choice kept.
    await fieldByName(officer, 'change', 'moved-on').check();
    await fillDate(officer, 'Date of the change', today);
    await expectRefused(officer, 'Record the change');
    expect(await errorFor(officer, 'details')).toContain('Record what changed and why');
    expect(await fieldByName(officer, 'change', 'moved-on').isChecked()).toBe(true);
    expect(await dateValue(officer, 'Date of the change')).toBe(today);
    await expectAccessible(officer);
    await officer.getByLabel('What changed and why').fill('Moved to Sampleton with her mother; Exampleshire told us by phone.');
    await submit(officer, 'Record the change');
    let text = await mainText(officer);
    expect(text).toContain(`Moved out of our area on ${formatDate(today)}: Moved to Sampleton with her mother; Exampleshire told us by phone.`);
    // The agencies to tell: those invited to her transfer-in conference, not the family nor an invitation withdrawn.
    expect(text).toContain('Hana Exampleton, Sampleshire Health (hana@health.example)');
    expect(text).toContain('Pat Placeholder, Sampleton Primary (pat@school.example)');
    expect(text).not.toContain('Old Contact');
    expect(text).not.toContain('Mia Exampleton');
    await expectAccessible(officer);
    const [plan] = await db.select().from(childProtectionPlans).where(eq(childProtectionPlans.id, f.planId));
    expect(plan).toMatchObject({ endDate: today, endReason: 'moved-away' });

    // Until the agencies are told it waits on My work, marked on the list.
    await officer.getByRole('link', { name: 'My work' }).click();
    const item = officer.getByRole('link', { name: 'Tell local agencies: Lima Exampleton' });
    expect(await item.count()).toBe(1);
    await item.click();
    expect(new URL(officer.url()).pathname).toBe(residentPath);

    // Another agency named without a proper address is refused against that field.
    await officer.getByLabel('Another agency to tell (optional): name').fill('Sampleton Housing');
    await officer.getByLabel('Its secure email address').fill('housing at sampleton');
    await expectRefused(officer, 'Tell the agencies');
    expect(await errorFor(officer, 'email')).toContain('Enter an email address like name@agency.example');
    expect(await officer.getByLabel('Another agency to tell (optional): name').inputValue()).toBe('Sampleton Housing');
    await expectAccessible(officer);
    await officer.getByLabel('Its secure email address').fill('safeguarding@housing.example');
    await submit(officer, 'Tell the agencies');
    text = await mainText(officer);
    expect(text).toMatch(/Local agencies told on .*: Hana Exampleton, Sampleshire Health, Pat Placeholder, Sampleton Primary, Sampleton Housing\./);
    await expectAccessible(officer);

    const [change] = await db.select().from(temporaryResidentChanges).where(eq(temporaryResidentChanges.planId, f.planId));
    const told = await db.select().from(outboxMessages).where(and(eq(outboxMessages.relatedType, 'temporary-resident'), eq(outboxMessages.relatedId, change!.id)));
    expect(told.map((m) => m.toAddress).sort()).toEqual(['hana@health.example', 'pat@school.example', 'safeguarding@housing.example']);
    expect(told.every((m) => m.bodyText.includes('Lima Exampleton') && m.bodyText.includes('no longer on our register'))).toBe(true);

    await officer.getByRole('link', { name: 'My work' }).click();
    expect(await officer.getByRole('link', { name: 'Tell local agencies: Lima Exampleton' }).count()).toBe(0);
    await officer.getByRole('link', { name: 'Moves', exact: true }).click();
    await officer.getByRole('button', { name: 'Children of other authorities: emergencies and temporary residents' }).click();
    expect(await mainText(officer)).not.toContain('Lima Exampleton');
  }, JOURNEY_TIMEOUT);
});
