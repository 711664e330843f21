// The load runs' database: a fresh database (PGlite in memory, or a throwaway PostgreSQL
// database) for the demo authority plus LOAD_PLANS (5,000) open plans shared by 50 social workers
// under one team manager. Shared by the load server and the page profiler.
import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { refreshPlannerStatistics } from '../../src/modules/jobs/planner-statistics.js';
import { cases, childProtectionPlans, conferences, people, users } from '../../src/db/schema/index.js';

export const LOAD_PASSWORD = 'load-test-password';
const PLANS = Number(process.env.LOAD_PLANS ?? 5000);
const WORKERS = 50;

export async function addOpenPlans(database: DatabaseHandle, plans = PLANS): Promise<void> {
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
  for (let start = 0; start < plans; start += 500) {
    const n = Math.min(500, plans - start);
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
  // The steady state the pages are measured in: statistics refreshed, as the hourly job does on
  // PGlite and autovacuum on PostgreSQL, not the planner's guesses about tables it thinks empty.
  await refreshPlannerStatistics(db);
}

/** The records the workload's pages show: ids in the URLs of bench/load/workload.ts. */
export interface LoadTargets {
  caseId: string;
  planId: string;
  conferenceId: string;
  bookableId: string;
}

/** Pages to load, as the demo social worker and business support would reach them. */
export async function loadTargets(database: DatabaseHandle): Promise<LoadTargets> {
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
  return { caseId: plan.caseId, planId: plan.id, conferenceId: booked?.id ?? bookable.id, bookableId: bookable.id };
}

export async function openTarget(engine: string): Promise<{ database: DatabaseHandle; drop: () => Promise<void> }> {
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

