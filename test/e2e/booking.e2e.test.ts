import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conferences } from '../../src/db/schema/index.js';
import { bundledCalendar } from '../../src/domain/calendar/working-calendar.js';
import { expectAccessible, signIn, startJourney, type Running } from './support.js';

describe('booking a conference: suggested slot, late date refused, authorised, then booked', () => {
  let run: Running;
  beforeAll(async () => {
    run = await startJourney();
  });
  afterAll(async () => run.close());

  it('business support books from the queue; a late date needs a service manager’s authorisation first', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await signIn(page, run.baseUrl, 'business-support');
    await expectAccessible(page);
    const toBook = page.locator('section', { has: page.getByRole('heading', { name: /Conferences to book/ }) }).getByRole('link');
    expect(await toBook.count()).toBeGreaterThanOrEqual(2);

    // The first conference: the first suggested slot, as offered.
    await toBook.first().click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Book', exact: true }).click();
    await expectAccessible(page);
    expect(await page.locator('.govuk-radios__hint').first().textContent()).toMatch(/On time|independent/);
    await page.getByRole('button', { name: 'Book the conference' }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The conference is booked');
    expect(await page.getByText('London time').count()).toBeGreaterThan(0);
    await expectAccessible(page);

    // The second: a date after the due date is refused and says what is needed.
    await page.goto(`${run.baseUrl}/`);
    await toBook.first().click();
    const conferenceId = /\/conferences\/([0-9a-f-]{36})/.exec(page.url())?.[1];
    expect(conferenceId).toBeDefined();
    const [row] = await run.database.db.select().from(conferences).where(eq(conferences.id, conferenceId!));
    const lateDate = bundledCalendar('england-and-wales').addWorkingDays(Temporal.PlainDate.from(row!.dueDate!), 2).toString();
    const bookLate = async () => {
      await page.goto(`${run.baseUrl}/conferences/${conferenceId}/book`);
      await page.getByLabel('Another date and time').check();
      const [year, month, day] = lateDate.split('-');
      await page.locator('#date-day').fill(String(Number(day)));
      await page.locator('#date-month').fill(String(Number(month)));
      await page.locator('#date-year').fill(year!);
      await page.getByLabel('Start time (HH:MM, 24-hour, London time)').fill('10:00');
      await page.getByLabel('Chair', { exact: true }).selectOption({ label: 'Demo Conference chair' });
      await page.getByLabel('Room', { exact: true }).selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Book the conference' }).click();
    };
    await bookLate();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('request out-of-timescale authorisation');
    await expectAccessible(page);

    await page.getByRole('link', { name: /Request out-of-timescale authorisation for/ }).click();
    await expectAccessible(page);
    expect([await page.locator('#proposedDate-day').inputValue(), await page.locator('#proposedDate-month').inputValue(), await page.locator('#proposedDate-year').inputValue()])
      .toEqual([String(Number(lateDate.slice(8, 10))), String(Number(lateDate.slice(5, 7))), lateDate.slice(0, 4)]);
    await page.getByLabel('Reasons it cannot be held by the due date').fill('The police officer in the case is on a course until then.');
    await page.getByLabel('How risk will be monitored until the conference').fill('Social worker visits every other day; school reports daily.');
    await page.getByRole('button', { name: 'Send the request' }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('sent to the service managers');
    await expectAccessible(page);

    // The service manager approves it.
    const managerContext = await run.browser.newContext();
    const manager = await managerContext.newPage();
    await signIn(manager, run.baseUrl, 'service-manager');
    await manager.getByRole('link', { name: 'Late bookings' }).click();
    await expectAccessible(manager);
    await manager.getByLabel('Yes, authorise it').first().check();
    await manager.getByLabel('Your written decision').first().fill('Authorised: visits to continue every other day until the conference.');
    await manager.getByRole('button', { name: 'Record the decision' }).first().click();
    expect(await manager.locator('.govuk-notification-banner').textContent()).toContain('authorised');
    await expectAccessible(manager);
    await managerContext.close();

    // Business support books the authorised late date.
    await bookLate();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('The conference is booked');
    expect(await page.getByText('a service manager has authorised').count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await context.close();
  });
});
