import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases, conferenceChildren, conferences, invitations, users } from '../../src/db/schema/index.js';
import { expectAccessible, signIn, startJourney, type Running, fillDateNamed } from './support.js';

/** Issue 22: the family's voice (PL4, CO4, IN10) in Chromium, every page axe-checked. */
describe('the family’s voice journey', () => {
  let run: Running;
  let casePath: string;
  beforeAll(async () => {
    run = await startJourney();
  });
  afterAll(async () => run.close());

  it('the social worker answers the plan’s identity and family questions from their work list (PL4)', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'social-worker');
    const gap = page.locator('a[href$="/identity"]').first();
    expect(await gap.count()).toBe(1);
    await expectAccessible(page);
    await gap.click();
    await expectAccessible(page);
    await page.getByLabel('Contact with the birth family').fill('Fortnightly supervised contact with her grandmother.');
    await page.getByLabel('Considered and not referred (say why)').check();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Say why a family group conference was not referred');
    expect(await page.getByLabel('Contact with the birth family').inputValue()).toBe('Fortnightly supervised contact with her grandmother.');
    await expectAccessible(page);
    await page.getByLabel('If not referred: why not').fill('The family asked to wait until after the review.');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(page.url()).toMatch(/\/plans\/[0-9a-f-]{36}$/);
    const plan = await page.content();
    expect(plan).toContain('Fortnightly supervised contact with her grandmother.');
    expect(plan).toContain('The plan does not yet say: culture: diet, disability and personal care');
    await expectAccessible(page);
    await context.close();
  });

  it('the social worker records a family’s request for a change of worker; the team manager declines it with reasons (CO4)', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'social-worker');
    const [worker] = await run.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'social-worker'));
    const [held] = await run.database.db.select({ id: cases.id }).from(cases).where(eq(cases.socialWorkerId, worker!.id)).limit(1);
    casePath = `/cases/${held!.id}`;
    await page.goto(`${run.baseUrl}${casePath}`);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Record a request for a change of social worker' }).click();
    await expectAccessible(page);
    await page.getByLabel('The reasons they gave').fill('The family feel they are not listened to.');
    await page.getByRole('button', { name: 'Save the request' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Say who in the family asked for the change');
    expect(await page.getByLabel('The reasons they gave').inputValue()).toBe('The family feel they are not listened to.');
    await expectAccessible(page);
    await page.getByLabel('Who asked (name and relationship to the child)').fill('The child’s mother');
    await page.getByRole('button', { name: 'Save the request' }).click();
    expect(await page.content()).toContain('Waiting for the team manager’s answer');
    await expectAccessible(page);
    await context.close();

    const managerContext = await run.browser.newContext();
    const manager = await managerContext.newPage();
    await signIn(manager, run.baseUrl, 'team-manager');
    const answer = manager.locator(`a[href^="${casePath}/worker-change/"]`).first();
    expect(await answer.count()).toBe(1);
    await answer.click();
    await expectAccessible(manager);
    await manager.getByLabel('Declined: the social worker stays').check();
    await manager.getByLabel('Your reasons, as the family will be told them').fill('The worker knows the children well; we will arrange a meeting with the mother and the manager.');
    await manager.getByRole('button', { name: 'Save the answer' }).click();
    expect(manager.url()).toContain(casePath);
    expect(await manager.content()).toContain('Declined: the social worker stays');
    await expectAccessible(manager);
    await managerContext.close();
  });

  it('the social worker records a child’s request not followed and the reasons shared, and an advocate considered for a parent (IN10)', async () => {
    const db = run.database.db;
    const [worker] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'social-worker'));
    const [conference] = await db.select({ id: conferences.id }).from(conferenceChildren)
      .innerJoin(conferences, eq(conferenceChildren.conferenceId, conferences.id))
      .innerJoin(cases, eq(conferenceChildren.caseId, cases.id))
      .innerJoin(invitations, and(eq(invitations.conferenceId, conferences.id), eq(invitations.inviteeKind, 'parent')))
      .where(and(eq(cases.socialWorkerId, worker!.id), eq(conferenceChildren.role, 'subject'), ne(conferences.status, 'cancelled'))).limit(1);
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'social-worker');
    await page.goto(`${run.baseUrl}/conferences/${conference!.id}/participation`);
    await page.getByRole('link', { name: 'Children’s requests not followed, and advocates for parents' }).click();
    await expectAccessible(page);
    await page.locator('a[href*="/child-voice/children/"]').first().click();
    await expectAccessible(page);
    await page.locator('#request').fill('To stop going to the after-school club.');
    await page.locator('#reasons').fill('The club is where she is safe until her mum finishes work.');
    await fillDateNamed(page, 'sharedWithChildOn', run.today());
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Say how the reasons were explained to the child');
    await expectAccessible(page);
    await page.locator('#sharedHow').fill('Explained by her social worker at home, with her mum.');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await page.content()).toContain('Explained by her social worker at home, with her mum.');
    await expectAccessible(page);

    const advocate = page.locator('a[href*="/child-voice/advocacy/"]').first();
    expect(await advocate.count()).toBeGreaterThan(0);
    await advocate.click();
    await expectAccessible(page);
    await page.getByLabel('A mental health need').check();
    await page.getByLabel('Referred to an advocate').check();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await page.content()).toContain('Referred: follow-up due');
    await expectAccessible(page);
    await page.goto(`${run.baseUrl}/`);
    expect(await page.content()).toContain('Follow up the advocate referral for');
    await context.close();
  });
});
