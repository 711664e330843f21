import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadSettings } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { seedDemo } from '../../src/modules/demo/seed-demo.js';
import { buildApp } from '../../src/web/app.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'demo-password-for-e2e';

export interface Running {
  app: FastifyInstance;
  database: DatabaseHandle;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

export interface JourneyOptions {
  /** Extra environment settings for the app, e.g. CONVENE_PACK or SMTP_URL. */
  env?: Record<string, string>;
  /** A fixed instant for the seed and the app's clock, so a journey never depends on the wall clock. */
  now?: Date;
}

/** The real app on a free port over a fresh in-memory PGlite with the demo data, and Chromium. */
export async function startJourney(options: JourneyOptions = {}): Promise<Running> {
  const settings = loadSettings({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.env });
  const database = await openDatabase({ memory: true });
  await database.migrate();
  const now = options.now;
  await seedDemo(database.db, { password: DEMO_PASSWORD, dataDir: '/tmp/convene-e2e-unused', pack: settings.pack, ...(now ? { now } : {}) });
  const app = await buildApp({ settings, database, logger: false, ...(now ? { clock: () => now } : {}) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    app, database, browser, baseUrl: `http://127.0.0.1:${port}`,
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
