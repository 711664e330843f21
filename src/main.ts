import { clockFromSettings } from './clock/clock.js';
import { indexUnkeyedPeople } from './modules/enquiry/match-keys.js';
import { loadSettings, SettingsError } from './config.js';
import { DataDirLockedError } from './db/data-lock.js';
import { demoPasswordNotice } from './modules/demo/demo-password-notice.js';
import { seedDemo } from './modules/demo/seed-demo.js';
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

  // People recorded before the enquiry matcher existed are filed under its keys once.
  await indexUnkeyedPeople(database.db);

  // Review requests, report reminders, the outbox and the audit anchor run through the job queue
  // (src/modules/jobs): the current slot of each schedule on start, then on schedule, and with
  // several instances on one PostgreSQL each slot runs on exactly one of them. app.close() drains it.
  const app = await buildApp({ settings, database, clock, scheduledSweeps: true });
  // Graceful shutdown (src/shutdown.ts): drain requests (and the job queue, through app.close), close
  // the database; a second signal or the timeout forces exit.
  onStopSignals(gracefulShutdown({
    closeServer: () => closeDraining(app),
    closeDatabase: () => database.close(),
    timeoutMs: settings.shutdownTimeoutMs,
    log: app.log,
    exit: (code) => process.exit(code),
  }));

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
