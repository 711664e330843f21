import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childProtectionPlans, outboxMessages } from '../../src/db/schema/index.js';
import { expectAccessible, signIn, startJourney, type Running } from './support.js';

describe('life on a plan journey', () => {
  let run: Running;
  let planPath: string;
  beforeAll(async () => {
    run = await startJourney();
  });
  afterAll(async () => run.close());

  it('the social worker reaches the plan from their work, records a core group and a visit at which the child was not seen', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'social-worker');
    const link = page.locator('a[href^="/plans/"]').first();
    planPath = (await link.getAttribute('href'))!;
    await link.click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBeTruthy();
    // The demo plan has had its first core group (TS8), so the next is counted by TS9.
    expect(await page.content()).toMatch(/\(TS[89]\)/);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Record a core group' }).click();
    await expectAccessible(page);
    await page.getByLabel('Lead social worker').check();
    await page.locator('#member0Name').fill('Alpha Sampleford');
    await page.locator('#member0Role').fill('Parent');
    await page.locator('#member0Agency').fill('Family');
    await page.locator('#member0Attended').check();
    await page.locator('#member1Name').fill('Demo Health visitor');
    await page.locator('#member1Role').fill('Health visitor');
    // Rows start from the last core group's members: this time the health visitor is absent.
    await page.locator('#member1Attended').uncheck();
    await page.getByLabel('Decisions').fill('Detailed plan agreed.');
    await page.getByLabel('Weeks until the next core group').fill('6');
    await page.getByRole('button', { name: 'Save the core group' }).click();
    // The absent health visitor's written views are required.
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('written views');
    await expectAccessible(page);
    await page.locator('#member1Views').fill('Development checks up to date.');
    await page.getByRole('button', { name: 'Save the core group' }).click();
    expect(await page.locator('.govuk-error-summary').count(), await page.locator('.govuk-error-summary').allTextContents().then((t) => t.join(' '))).toBe(0);
    expect(page.url()).toContain(planPath);
    expect(await page.content()).toContain('Detailed plan agreed.');

    await page.getByRole('link', { name: 'Record a visit' }).click();
    await expectAccessible(page);
    await page.getByLabel('No', { exact: true }).check();
    await page.getByLabel('If not seen, why not').fill('Nobody answered the door.');
    await page.getByRole('button', { name: 'Save the visit' }).click();
    expect(await page.content()).toContain('Child not seen');
    await expectAccessible(page);
    await context.close();
  });

  it('the team manager sees the missed visit on the plan and the frequency page', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'team-manager');
    // The breach is on the manager's own work list, most urgent first, linking to the plan.
    const breach = page.locator('a', { hasText: 'Visit missed' }).first();
    expect(await breach.count()).toBe(1);
    await expectAccessible(page);
    await page.goto(`${run.baseUrl}${planPath}`);
    expect(await page.locator('.govuk-warning-text').first().textContent()).toContain('Visit missed');
    await expectAccessible(page);
    await page.goto(`${run.baseUrl}${planPath}/visit-frequency`);
    await expectAccessible(page);
    await context.close();
  });

  it('the service manager ends a plan after checking who will be told; the notices are queued', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'service-manager');
    await page.goto(`${run.baseUrl}${planPath}`);
    await page.getByRole('link', { name: 'End this plan without a review conference' }).click();
    await expectAccessible(page);
    await page.getByLabel('The child has left the UK permanently').check();
    await page.getByLabel('Reason').fill('The family has moved abroad for good (demo).');
    await page.getByLabel('No further help needed, after re-assessment with the family').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Check before you end the plan');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'End the plan and tell them' }).click();
    expect(await page.content()).toContain('How the plan ended');
    await expectAccessible(page);
    const planId = planPath.split('/')[2]!;
    const [plan] = await run.database.db.select().from(childProtectionPlans).where(eq(childProtectionPlans.id, planId));
    expect(plan?.endReason).toBe('left-uk');
    const notices = await run.database.db.select().from(outboxMessages).where(eq(outboxMessages.relatedType, 'plan-ending'));
    expect(notices.length).toBeGreaterThan(0);
    await context.close();
  });
});
