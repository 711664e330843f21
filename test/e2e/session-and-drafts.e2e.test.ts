import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conferences, formDrafts, invitations, users } from '../../src/db/schema/index.js';
import { expectAccessible, signIn, startJourney, type Running } from './support.js';

// Issue 14: the session timeout warning (GOV.UK pattern) and drafts kept as the person types.
// The browser's clock is Playwright's, moved on by the test: the warning shows 5 minutes before the
// 30-minute idle timeout without waiting 25 real minutes.
describe('session timeout warning and drafts', () => {
  let run: Running;
  let conferenceId: string;

  beforeAll(async () => {
    run = await startJourney();
    const db = run.database.db;
    const [requested] = await db.select().from(conferences).where(and(eq(conferences.status, 'requested'), eq(conferences.kind, 'initial')));
    const practitioner = (await db.select().from(users).where(eq(users.username, 'agency-practitioner')))[0]!;
    const start = new Date(run.clock().getTime() + 14 * 86_400_000);
    await db.update(conferences).set({ status: 'invitations-sent', scheduledStart: start, format: 'face-to-face' }).where(eq(conferences.id, requested!.id));
    conferenceId = requested!.id;
    await db.insert(invitations).values({ conferenceId, inviteeKind: 'professional', name: practitioner.displayName, role: 'Health visitor', organisationName: 'Demoshire Health Trust (demo)', userId: practitioner.id, state: 'sent' });
  });
  afterAll(async () => run.close());

  async function signedInWithClock(username: string): Promise<Page> {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await page.clock.install();
    await signIn(page, run.baseUrl, username);
    return page;
  }

  const dialog = (page: Page) => page.getByRole('dialog', { name: 'You are about to be signed out' });

  it('warns 5 minutes before the timeout in an accessible dialog; Stay signed in, Escape and Sign out work from the keyboard', async () => {
    const page = await signedInWithClock('business-support');
    expect(await dialog(page).count()).toBe(0);

    await page.clock.runFor('25:01');
    await dialog(page).waitFor({ state: 'visible' });
    expect(await dialog(page).textContent()).toContain('we will sign you out in 5 minutes');
    // Focus moves into the dialog, to its heading; the time left is in a polite live region.
    expect(await page.locator('#convene-timeout-heading').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await page.locator('#convene-timeout-live').getAttribute('aria-live')).toBe('polite');
    await expectAccessible(page);

    // Stay signed in: the session is extended on the server and the dialog closes.
    const extended = page.waitForResponse((r) => r.url().endsWith('/session/extend') && r.request().method() === 'POST');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // the first button: Stay signed in
    expect((await extended).status()).toBe(200);
    await dialog(page).waitFor({ state: 'hidden' });

    // Escape also means "I am here".
    await page.clock.runFor('25:01');
    await dialog(page).waitFor({ state: 'visible' });
    const again = page.waitForResponse((r) => r.url().endsWith('/session/extend'));
    await page.keyboard.press('Escape');
    expect((await again).status()).toBe(200);
    await dialog(page).waitFor({ state: 'hidden' });

    // The countdown goes on in the dialog, then Sign out (by keyboard) signs out.
    await page.clock.runFor('25:01');
    await dialog(page).waitFor({ state: 'visible' });
    await page.clock.runFor('03:30');
    expect(await dialog(page).textContent()).toContain('we will sign you out in 2 minutes');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(/\/sign-in/), page.keyboard.press('Enter')]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Sign in');
    await page.context().close();
  });

  it('at the timeout the page goes to sign in, asking to come back to where the person was', async () => {
    const page = await signedInWithClock('business-support');
    await page.goto(`${run.baseUrl}/conferences/${conferenceId}`);
    const toSignIn = page.waitForRequest((r) => r.url().includes('/sign-in?ended=1&next='));
    await page.clock.runFor('30:01');
    expect(decodeURIComponent((await toSignIn).url())).toContain(`next=/conferences/${conferenceId}`);
    await page.context().close();
  });

  it('a report being written is kept as a draft as it is typed, and the page says so when the person comes back', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'agency-practitioner');
    await page.goto(`${run.baseUrl}/conferences/${conferenceId}/reports/new?kind=agency`);
    await page.locator('#s0_text').fill('Seen at the clinic on Monday; growth on the 9th centile.');
    await page.locator('[data-draft-status]').filter({ hasText: 'Draft saved at' }).waitFor();
    const [kept] = await run.database.db.select().from(formDrafts).where(eq(formDrafts.recordId, conferenceId));
    expect(kept!.fields.s0_text).toBe('Seen at the clinic on Monday; growth on the 9th centile.');

    await page.reload();
    expect(await page.locator('[data-draft-notice]').textContent()).toContain('Restored from your draft saved at');
    expect(await page.locator('#s0_text').inputValue()).toBe('Seen at the clinic on Monday; growth on the 9th centile.');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Discard your draft' }).click();
    expect(await page.locator('[data-draft-notice]').count()).toBe(0);
    expect(await page.locator('#s0_text').inputValue()).toBe('');
    await context.close();
  });
});
