import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { clockFromSettings, type Clock } from '../../src/clock/clock.js';
import { loadSettings } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { migratedPgliteSnapshot } from '../support/migrated-snapshot.js';
import { seedDemo } from '../../src/modules/demo/seed-demo.js';
import { londonDateOf, londonDateTimeOf } from '../../src/domain/calendar/london-time.js';
import { buildApp } from '../../src/web/app.js';
import { TEST_PASSWORD } from '../support/factories.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'demo-password-for-e2e';
/** For a long journey (many pages, each checked with axe) on a machine shared with other work: more than the config's 120 s. */
export const JOURNEY_TIMEOUT = 300_000;

export interface Running {
  app: FastifyInstance;
  database: DatabaseHandle;
  baseUrl: string;
  browser: Browser;
  /** The app's clock: journeys take "now" and "today" from it, never from the wall clock. */
  clock: Clock;
  /** Today on the app's clock, in London, as YYYY-MM-DD. */
  today(): string;
  /** The London time of day on the app's clock, minus `minutesAgo`, as HH:MM (for "earlier today"). */
  timeAgo(minutesAgo: number): string;
  close(): Promise<void>;
}

/**
 * The instant every journey runs at unless it asks for another: a Monday morning in term time,
 * so nothing depends on when (or in which time zone) the suite happens to run.
 */
export const JOURNEY_NOW = '2026-12-07T10:30:00Z';

export interface JourneyOptions {
  /** Extra environment settings for the app, e.g. CONVENE_PACK or SMTP_URL. */
  env?: Record<string, string>;
  /** The instant the app's clock starts at (CONVENE_NOW); JOURNEY_NOW unless given. */
  now?: string;
}

/** The real app on a free port over a fresh in-memory PGlite with the demo data, and Chromium. */
export async function startJourney(options: JourneyOptions = {}): Promise<Running> {
  const settings = loadSettings({ NODE_ENV: 'test', LOG_LEVEL: 'silent', CONVENE_NOW: options.now ?? JOURNEY_NOW, ...options.env });
  const clock = clockFromSettings(settings);
  const database = await openDatabase({ memory: true, from: await migratedPgliteSnapshot() });
  await database.migrate();
  await seedDemo(database.db, { password: DEMO_PASSWORD, dataDir: '/tmp/convene-e2e-unused', pack: settings.pack, now: clock() });
  const app = await buildApp({ settings, database, clock, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    app, database, browser, baseUrl: `http://127.0.0.1:${port}`, clock,
    today: () => londonDateOf(clock()).toString(),
    timeAgo: (minutesAgo) => londonDateTimeOf(new Date(clock().getTime() - minutesAgo * 60_000)).toPlainTime().toString().slice(0, 5),
    close: async () => {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/** Fails the test on any serious or critical axe violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map((v) => `${v.id} (${v.impact}) on ${page.url()}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await expectAccessible(page);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A new browser session signed in as a user the test made (test factories give them TEST_PASSWORD), on their home page. */
export async function asUser(run: Running, username: string, password = TEST_PASSWORD): Promise<Page> {
  const page = await (await run.browser.newContext()).newPage();
  await signIn(page, run.baseUrl, username, password);
  return page;
}

/** Presses a button and fails with the page's error summary if the form was refused. */
export async function submit(page: Page, button: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: button, exact: typeof button === 'string' }).first().click();
  await page.waitForLoadState('domcontentloaded');
  const summary = page.locator('.govuk-error-summary');
  if (await summary.count()) throw new Error(`"${String(button)}" was refused on ${page.url()}: ${await summary.textContent()}`);
}

/** Presses a button expecting the form to be refused: an error summary whose every entry leads to a field's own message. */
export async function expectRefused(page: Page, button: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: button, exact: typeof button === 'string' }).first().click();
  await page.waitForLoadState('domcontentloaded');
  expect(await page.locator('.govuk-error-summary').count(), `"${String(button)}" was not refused on ${page.url()}`).toBe(1);
  for (const link of await page.locator('.govuk-error-summary a[href^="#"]').all()) {
    const target = (await link.getAttribute('href'))!.slice(1);
    expect(await page.locator(`[id="${target}"]`).count(), `the summary's "${await link.textContent()}" leads to no field`).toBeGreaterThan(0);
  }
}

/** The message shown against one field (GOV.UK puts it at `<field>-error`), or '' when there is none. */
export async function errorFor(page: Page, field: string): Promise<string> {
  const message = page.locator(`[id="${field}-error"]`);
  return (await message.count()) ? ((await message.first().textContent()) ?? '').replace(/\s+/g, ' ').trim() : '';
}

/** A date asked as GOV.UK's day, month and year boxes, found by its question (the fieldset's legend). */
export async function fillDate(page: Page, question: string, iso: string): Promise<void> {
  const [year = '', month = '', day = ''] = iso.split('-');
  const group = page.getByRole('group', { name: question, exact: true });
  await group.getByLabel('Day', { exact: true }).fill(day);
  await group.getByLabel('Month', { exact: true }).fill(month);
  await group.getByLabel('Year', { exact: true }).fill(year);
}

/** The same, found by the field's name, for a question whose words change (a child's name in it). */
export async function fillDateNamed(page: Page, name: string, iso: string): Promise<void> {
  const [year = '', month = '', day = ''] = iso.split('-');
  await page.locator(`[name="${name}-day"]`).fill(day);
  await page.locator(`[name="${name}-month"]`).fill(month);
  await page.locator(`[name="${name}-year"]`).fill(year);
}

/** What a date's three boxes hold, as YYYY-MM-DD. */
export async function dateValue(page: Page, question: string): Promise<string> {
  const group = page.getByRole('group', { name: question, exact: true });
  const box = async (label: string) => group.getByLabel(label, { exact: true }).inputValue();
  return `${await box('Year')}-${(await box('Month')).padStart(2, '0')}-${(await box('Day')).padStart(2, '0')}`;
}

/** A radio or checkbox by its field name and value. */
export function fieldByName(page: Page, name: string, value: string) {
  return page.locator(`input[name="${name}"][value="${value}"]`);
}

/** The main content's text, with runs of white space made one. */
export async function mainText(page: Page): Promise<string> {
  return ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
}
