// The server half of `npm run load`: a child process so the load client does not share its
// event loop. It opens a fresh database (PGlite in memory, or a throwaway PostgreSQL database),
// seeds the demo authority plus 5,000 open plans, listens on a loopback port and prints one JSON
// line naming the port and the pages to load. It stops when its parent closes stdin.
import { loadSettings } from '../../src/config.js';
import { seedDemo } from '../../src/modules/demo/seed-demo.js';
import { buildApp } from '../../src/web/app.js';
import { addOpenPlans, LOAD_PASSWORD, loadTargets, openTarget } from './fixture.js';

async function main(): Promise<void> {
  const engine = process.argv[2] ?? 'pglite';
  const { database, drop } = await openTarget(engine);
  await database.migrate();
  await seedDemo(database.db, { password: LOAD_PASSWORD, dataDir: '/tmp/convene-load-unused', pack: 'national', now: new Date() });
  await addOpenPlans(database);

  const targets = await loadTargets(database);

  // As `npm start` runs (development), with request logging off so the figures are the server's.
  const settings = loadSettings({ ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', CONVENE_DATA_DIR: '/tmp/convene-load-unused' });
  // Every virtual user comes from 127.0.0.1: the per-address limits would measure the limiter, not the server.
  const app = await buildApp({ settings, database, logger: false, rateLimits: { signInPerMinute: 1_000_000, apiPerMinute: 1_000_000 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ port, ...targets })}\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    await database.close();
    await drop();
    process.exit(0);
  };
  process.stdin.on('end', () => void stop());
  process.stdin.on('close', () => void stop());
  process.stdin.resume();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
