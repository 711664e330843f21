// The server half of `npm run load`: a child process so the load client does not share its
// event loop. It opens a fresh database (PGlite in memory, or a throwaway PostgreSQL database),
// seeds the demo authority plus 5,000 open plans, listens on a loopback port and prints one JSON
// line naming the port and the pages to load. It stops when its parent closes stdin.
import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import pg from 'pg';
import { loadSettings } from '../../src/config.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { cases, childProtectionPlans, conferences, people, users } from '../../src/db/schema/index.js';
import { seedDemo } from '../../src/modules/demo/seed-demo.js';
import { buildApp } from '../../src/web/app.js';

export const LOAD_PASSWORD = 'load-test-password';
const PLANS = Number(process.env.LOAD_PLANS ?? 5000);
const WORKERS = 50;

async function addOpenPlans(database: DatabaseHandle): Promise<void> {
  const db = database.db;
  const [worker] = await db.select().from(users).where(eq(users.username, 'social-worker'));
  const [manager] = await db.select().from(users).where(eq(users.username, 'team-manager'));
  if (!worker || !manager) throw new Error('demo users missing');
  // Plans shared between the demo social worker and 49 colleagues; one team manager over them all
  // (the worst case for the missed-visit section of the manager's home page).
  const colleagues = await db
    .insert(users)
    .values(Array.from({ length: WORKERS - 1 }, (_, i) => ({ username: `load-sw-${i}`, displayName: `Load worker ${i}`, organisationId: worker.organisationId, teamId: worker.teamId, roles: ['social-worker'], passwordHash: 'x' })))
    .returning();
  const staff = [worker, ...colleagues];
  for (let start = 0; start < PLANS; start += 500) {
    const n = Math.min(500, PLANS - start);
    const kids = await db
      .insert(people)
      .values(Array.from({ length: n }, (_, i) => ({ kind: 'child', givenNames: 'Load', familyName: `Child${start + i}`, dateOfBirth: `20${String(8 + ((start + i) % 10)).padStart(2, '0')}-0${1 + ((start + i) % 9)}-15`, sex: 'F' })))
      .returning({ id: people.id });
    const caseRows = await db
      .insert(cases)
      .values(kids.map((k, i) => ({ childId: k.id, organisationId: worker.organisationId, openedOn: '2025-06-01', socialWorkerId: staff[(start + i) % WORKERS]!.id, teamManagerId: manager.id })))
      .returning({ id: cases.id, childId: cases.childId });
    await db.insert(childProtectionPlans).values(
      caseRows.map((c, i) => ({
        caseId: c.id, childId: c.childId, startDate: `2025-${String(1 + ((start + i) % 12)).padStart(2, '0')}-10`,
        initialCategories: ['NEG'], latestCategories: ['NEG'], leadSocialWorkerId: staff[(start + i) % WORKERS]!.id, visitFrequencyWeeks: 2,
      })),
    );
  }
}

async function openTarget(engine: string): Promise<{ database: DatabaseHandle; drop: () => Promise<void> }> {
  if (engine === 'pglite') return { database: await openDatabase({ memory: true }), drop: async () => {} };
  const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `convene_load_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    database: await openDatabase({ url: url.toString() }),
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function main(): Promise<void> {
  const engine = process.argv[2] ?? 'pglite';
  const { database, drop } = await openTarget(engine);
  await database.migrate();
  await seedDemo(database.db, { password: LOAD_PASSWORD, dataDir: '/tmp/convene-load-unused', pack: 'national', now: new Date() });
  await addOpenPlans(database);

  // Pages to load, as the demo social worker and business support would reach them.
  const [worker] = await database.db.select().from(users).where(eq(users.username, 'social-worker'));
  const [plan] = await database.db
    .select({ id: childProtectionPlans.id, caseId: childProtectionPlans.caseId })
    .from(childProtectionPlans)
    .innerJoin(cases, eq(cases.id, childProtectionPlans.caseId))
    .where(and(eq(childProtectionPlans.leadSocialWorkerId, worker!.id), isNull(childProtectionPlans.endDate)))
    .limit(1);
  const [bookable] = await database.db.select({ id: conferences.id }).from(conferences).where(eq(conferences.status, 'requested')).limit(1);
  const [booked] = await database.db.select({ id: conferences.id }).from(conferences).where(eq(conferences.status, 'booked')).limit(1);
  if (!plan || !bookable) throw new Error('the demo data has no open plan or requested conference');

  // As `npm start` runs (development), with request logging off so the figures are the server's.
  const settings = loadSettings({ ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', CONVENE_DATA_DIR: '/tmp/convene-load-unused' });
  const app = await buildApp({ settings, database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ port, caseId: plan.caseId, planId: plan.id, conferenceId: booked?.id ?? bookable.id, bookableId: bookable.id })}\n`);

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
