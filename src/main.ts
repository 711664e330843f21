import { clockFromSettings } from './clock/clock.js';
import { indexUnkeyedPeople } from './modules/enquiry/match-keys.js';
import { loadSettings, SettingsError } from './config.js';
import { DataDirLockedError } from './db/data-lock.js';
import { anchorAuditChain } from './modules/audit/verify-chain.js';
import { demoPasswordNotice } from './modules/demo/demo-password-notice.js';
import { seedDemo } from './modules/demo/seed-demo.js';
import { requestDueReviews } from './modules/plans/request-due-reviews.js';
import { sendReportReminders } from './modules/reports/send-report-reminders.js';
import { openConfiguredDatabase } from './runtime.js';
import { closeDraining, gracefulShutdown, onStopSignals } from './shutdown.js';
import { buildApp } from './web/app.js';

async function main(): Promise<void> {
  const settings = loadSettings();
  const database = await openConfiguredDatabase(settings);
  const clock = clockFromSettings(settings);
  await database.migrate();

  if (!settings.production) {
    const seeded = await seedDemo(database.db, { password: settings.demoPassword, dataDir: settings.dataDir, pack: settings.pack, now: clock() });
    if (seeded.seeded) {
      console.log(`Demo data created: ${seeded.users} users (username = role, e.g. social-worker) and ${seeded.children} synthetic children.`);
      console.log(demoPasswordNotice(seeded.passwordFile));
    }
  }

  // Reviews coming due are requested on start (and by `bin/convene reviews request`), so business
  // support can book them in time; it is idempotent.
  await requestDueReviews(database.db, clock(), settings.pack);
  // People recorded before the enquiry matcher existed are filed under its keys once.
  await indexUnkeyedPeople(database.db);
  await sendReportReminders(database.db, clock());

  const app = await buildApp({ settings, database, clock });
  // Graceful shutdown (src/shutdown.ts): drain requests, close the database; a second signal or the timeout forces exit.
  onStopSignals(gracefulShutdown({
    closeServer: () => closeDraining(app),
    closeDatabase: () => database.close(),
    timeoutMs: settings.shutdownTimeoutMs,
    log: app.log,
    exit: (code) => process.exit(code),
  }));

  // Hourly, the same idempotent checks as on start: nothing is stored that a missed run would leave stale.
  const hourly = setInterval(() => {
    const now = clock();
    requestDueReviews(database.db, now, settings.pack)
      .then(() => sendReportReminders(database.db, now))
      .catch((error: unknown) => app.log.error({ err: error }, 'hourly review requests and reminders failed'));
  }, 60 * 60 * 1000);
  hourly.unref();
  app.addHook('onClose', async () => clearInterval(hourly));

  // The audit chain's latest hash, kept outside the database (ideally on another machine's disk).
  const anchorFile = settings.auditAnchorFile;
  if (anchorFile) {
    const anchor = () =>
      anchorAuditChain(database.db, anchorFile, new Date()).catch((error: unknown) => app.log.error({ err: error }, 'anchoring the audit trail failed'));
    await anchor();
    const daily = setInterval(() => void anchor(), 24 * 60 * 60 * 1000);
    daily.unref();
    app.addHook('onClose', async () => clearInterval(daily));
  }

  await app.listen({ port: settings.port, host: settings.host });
  console.log(`Convene is running at http://${settings.host}:${settings.port} on ${database.describe}`);
}

main().catch((error: unknown) => {
  if (error instanceof SettingsError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else {
    console.error('Convene could not start:', error);
  }
  process.exit(1);
});
