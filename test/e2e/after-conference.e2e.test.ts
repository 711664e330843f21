import { and, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints, conferences, people } from '../../src/db/schema/index.js';
import { computeDeadline, formatDate } from '../../src/domain/deadlines/index.js';
import { workingCalendar } from '../../src/modules/calendar/calendar-store.js';
import { requestDueReviews } from '../../src/modules/plans/request-due-reviews.js';
import { expectAccessible, signIn, startJourney, type Running, fillDate } from './support.js';

/** After the conference: a child moving in on another authority's plan, and a family's complaint. */
describe('moves and complaints', () => {
  let run: Running;
  beforeAll(async () => {
    run = await startJourney();
  });
  afterAll(async () => run.close());

  it('a child on another authority’s plan moves in: the transfer-in conference is due 15 working days after notice and appears in business support’s queue', async () => {
    const page = await (await run.browser.newContext()).newPage();
    await signIn(page, run.baseUrl, 'social-worker');
    // The child is new to us: record them first.
    await page.goto(`${run.baseUrl}/people/new`);
    await page.getByLabel('Family name', { exact: true }).fill('Movedinson');
    await page.getByLabel('Given names', { exact: true }).fill('Zulu');
    await fillDate(page, 'Date of birth', '2018-04-02');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await page.locator('h1').textContent()).toContain('Zulu Movedinson');

    await page.goto(`${run.baseUrl}/transfers/in`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Record and request the conference' }).click();
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    await expectAccessible(page);
    const notice = Temporal.PlainDate.from(run.today()).subtract({ days: 2 });
    await page.getByLabel('Child', { exact: true }).selectOption({ label: 'Zulu Movedinson (2018-04-02)' });
    await page.getByLabel('Other authority').fill('Elsewhereshire (test)');
    await page.getByLabel('Their lead social worker or contact').fill('Omar Otherton');
    await page.getByLabel('Their secure email').fill('omar@elsewhere.example');
    await page.getByLabel('Category of their plan').selectOption({ label: 'Neglect' });
    await fillDate(page, 'Date notice was received', notice.toString());
    await fillDate(page, 'Date the child moved', notice.subtract({ days: 3 }).toString());
    await page.getByRole('button', { name: 'Record and request the conference' }).click();
    expect(page.url()).toContain('/transfers?requested=');

    const [zulu] = await run.database.db.select().from(people).where(eq(people.familyName, 'Movedinson'));
    const [conference] = await run.database.db.select().from(conferences).where(and(eq(conferences.kind, 'transfer-in'), eq(conferences.dueFromDate, notice.toString())));
    const expected = computeDeadline({ ruleId: 'TS2', pack: 'national', from: notice, calendar: await workingCalendar(run.database.db) });
    expect(conference?.dueDate).toBe(expected.due.kind === 'date' ? expected.due.date.toString() : null);
    expect(zulu).toBeDefined();

    const support = await (await run.browser.newContext()).newPage();
    await signIn(support, run.baseUrl, 'business-support');
    await expectAccessible(support);
    const home = await support.locator('main').textContent();
    expect(home).toContain('Zulu Movedinson');
    expect(home).toContain(formatDate(Temporal.PlainDate.from(conference!.dueDate!)));
  });

  it('a parent’s complaint about a plan decision is upheld and reaches a conference reconvened under a different chair', async () => {
    const [held] = await run.database.db.select().from(conferences).where(eq(conferences.status, 'held')).limit(1);
    const chair = await (await run.browser.newContext()).newPage();
    await signIn(chair, run.baseUrl, 'chair');
    await chair.goto(`${run.baseUrl}/conferences/${held!.id}/complaints/new`);
    await expectAccessible(chair);
    await chair.getByRole('button', { name: 'Record complaint' }).click();
    expect(await chair.locator('.govuk-error-summary').count()).toBe(1);
    await chair.getByLabel('Who is complaining').fill('Tester Mockworth');
    await chair.getByLabel('Their relationship to the child').fill('Mother');
    await chair.getByLabel('The decision about a plan').check();
    await chair.getByLabel('The complaint').fill('The plan was decided without hearing my side.');
    await fillDate(chair, 'Received on', run.today());
    await chair.getByRole('button', { name: 'Record complaint' }).click();
    expect(chair.url()).toMatch(/\/complaints\/[0-9a-f-]{36}/);
    await expectAccessible(chair);

    const today = run.today();
    async function step(value: string, note: string) {
      await chair.locator(`input[name="step"][value="${value}"]`).check();
      await chair.getByLabel('What was decided and why').fill(note);
      await fillDate(chair, 'Date', today);
      await chair.getByRole('button', { name: 'Save' }).click();
      expect(await chair.locator('.govuk-error-summary').count()).toBe(0);
    }
    await step('escalate', 'The mother was not satisfied after meeting the chair.');
    await step('uphold', 'The panel found the mother’s view was not recorded.');
    const text = await chair.locator('main').textContent();
    expect(text).toContain('A reconvened conference has been requested');
    expect(text).toContain('someone other than the original chair');
    await expectAccessible(chair);

    const [complaint] = await run.database.db.select().from(complaints).where(eq(complaints.complainantName, 'Tester Mockworth'));
    const [reconvened] = await run.database.db.select().from(conferences).where(eq(conferences.id, complaint!.reconvenedConferenceId!));
    expect(reconvened).toMatchObject({ kind: 'reconvened', status: 'requested', reconvenedFromId: held!.id });
  });

  it('a review comes due: it is requested in time, appears in business support’s queue and is booked with a suggested slot before its date', async () => {
    const db = run.database.db;
    const { requested } = await requestDueReviews(db, run.clock(), 'national');
    expect(requested.length).toBeGreaterThan(0);
    const [review] = await db.select().from(conferences).where(eq(conferences.id, requested[0]!.conferenceId));
    expect(review).toMatchObject({ kind: 'review', status: 'requested' });

    const page = await (await run.browser.newContext()).newPage();
    await signIn(page, run.baseUrl, 'business-support');
    const link = page.locator(`a[href="/conferences/${review!.id}"]`);
    expect(await link.count()).toBe(1);
    await link.click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Book the conference' }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The conference is booked');
    const [booked] = await db.select().from(conferences).where(eq(conferences.id, review!.id));
    expect(booked?.status).toBe('booked');
    const heldBy = Temporal.PlainDate.from(booked!.dueDate!);
    const bookedOn = Temporal.Instant.fromEpochMilliseconds(booked!.scheduledStart!.getTime()).toZonedDateTimeISO('Europe/London').toPlainDate();
    expect(Temporal.PlainDate.compare(bookedOn, heldBy)).toBeLessThanOrEqual(0);
  });
});
