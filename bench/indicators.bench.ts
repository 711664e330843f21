// How long every performance indicator (KP1–KP10, with the Department's ICPC timeliness) takes to
// compute for a census year with 5,000 open plans and a year of history behind them: initial
// conferences, section 47 enquiries, reviews, core groups and fortnightly visits, on PGlite and
// (when reachable) PostgreSQL. Goal: under 5 s each.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/db/client.js';
import {
  cases, childProtectionPlans, conferenceChildren, conferences, coreGroupMeetings, organisations, people, planVisits, section47Enquiries, strategyDiscussions, teams, users,
} from '../src/db/schema/index.js';
import { allMeasures } from '../src/domain/indicators/indicators.js';
import { censusYearPeriod } from '../src/domain/indicators/period.js';
import { indicatorReport } from '../src/modules/indicators/indicator-report.js';
import { exportCensus } from '../src/modules/census/export-census.js';
import { systemContext } from '../src/modules/shared/action-context.js';

const PLANS = Number(process.env.PLANS ?? 5000);
const BATCH = 250;
const RUNS = 3;
const TODAY = '2026-03-02';
const NOW = new Date('2026-03-02T10:00:00Z');

const iso = (d: Date) => d.toISOString().slice(0, 10);
/** The next weekday on or after `d` (conferences are never held at weekends). */
function weekday(d: Date): Date {
  const out = new Date(d);
  while (out.getUTCDay() === 0 || out.getUTCDay() === 6) out.setUTCDate(out.getUTCDate() + 1);
  return out;
}
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

export async function populate(database: DatabaseHandle): Promise<void> {
  const db = database.db;
  const [org] = await db.insert(organisations).values({ name: 'Bench Authority', kind: 'local-authority' }).returning();
  const teamRows = await db.insert(teams).values([1, 2, 3, 4, 5].map((n) => ({ organisationId: org!.id, name: `Bench team ${n}` }))).returning();
  const workers = await db
    .insert(users)
    .values(Array.from({ length: 50 }, (_, i) => ({ username: `sw-${i}`, displayName: `Worker ${i}`, organisationId: org!.id, teamId: teamRows[i % 5]!.id, roles: ['social-worker'], passwordHash: 'x' })))
    .returning();
  const [chair] = await db.insert(users).values({ username: 'chair-0', displayName: 'Chair', organisationId: org!.id, roles: ['chair'], passwordHash: 'x' }).returning();
  const [discussion] = await db
    .insert(strategyDiscussions)
    .values({ heldAt: NOW, participants: [], informationShared: 'bench', decisions: 'bench', basisForDecisions: 'bench', initiateSection47: true })
    .returning();
  const yearAgo = new Date('2025-03-03T00:00:00Z');
  for (let start = 0; start < PLANS; start += BATCH) {
    const n = Math.min(BATCH, PLANS - start);
    const kids = await db
      .insert(people)
      .values(Array.from({ length: n }, (_, i) => ({ kind: 'child', givenNames: 'Bench', familyName: `Child${start + i}`, dateOfBirth: '2016-05-15', sex: 'F' })))
      .returning({ id: people.id });
    const caseRows = await db
      .insert(cases)
      .values(kids.map((k, i) => ({ childId: k.id, organisationId: org!.id, openedOn: '2025-01-06', socialWorkerId: workers[(start + i) % 50]!.id })))
      .returning({ id: cases.id, childId: cases.childId });
    // Plans start across the year, each at an initial conference held 10 to 24 working days or so after the section 47 began.
    const starts = caseRows.map((_, i) => weekday(addDays(yearAgo, ((start + i) * 7) % 360)));
    await db.insert(section47Enquiries).values(caseRows.map((c, i) => ({ caseId: c.id, strategyDiscussionId: discussion!.id, startedOn: iso(addDays(starts[i]!, -(14 + ((start + i) % 20)))) })));
    const initials = await db
      .insert(conferences)
      .values(starts.map((s, i) => ({ kind: 'initial', status: 'held', pack: 'national', chairId: chair!.id, heldOn: iso(s), dueDate: iso(addDays(s, (start + i) % 3 === 0 ? -3 : 2)), dueRuleId: 'TS1', scheduledStart: new Date(`${iso(s)}T10:00:00Z`) })))
      .returning({ id: conferences.id });
    await db.insert(conferenceChildren).values(caseRows.map((c, i) => ({ conferenceId: initials[i]!.id, caseId: c.id, childId: c.childId, role: 'subject', childType: 'initial' })));
    const plans = await db
      .insert(childProtectionPlans)
      .values(caseRows.map((c, i) => ({ caseId: c.id, childId: c.childId, startConferenceId: initials[i]!.id, startDate: iso(starts[i]!), initialCategories: ['NEG'], latestCategories: ['NEG'], visitFrequencyWeeks: 2 })))
      .returning({ id: childProtectionPlans.id, childId: childProtectionPlans.childId, startDate: childProtectionPlans.startDate });
    // A first review about 3 months in where the plan is old enough; core groups every 6 weeks; visits every 2 weeks.
    const reviewRows = caseRows.map((c, i) => ({ c, s: starts[i]! })).filter(({ s }) => addDays(s, 88) < NOW);
    if (reviewRows.length) {
      const reviews = await db
        .insert(conferences)
        .values(reviewRows.map(({ s }) => ({ kind: 'review', status: 'held', pack: 'national', chairId: chair!.id, heldOn: iso(weekday(addDays(s, 85))), scheduledStart: new Date(`${iso(weekday(addDays(s, 85)))}T10:00:00Z`) })))
        .returning({ id: conferences.id });
      await db.insert(conferenceChildren).values(reviewRows.map(({ c }, i) => ({ conferenceId: reviews[i]!.id, caseId: c.id, childId: c.childId, role: 'subject', childType: 'review' })));
    }
    const groups: (typeof coreGroupMeetings.$inferInsert)[] = [];
    const visits: (typeof planVisits.$inferInsert)[] = [];
    for (const p of plans) {
      for (let d = addDays(new Date(`${p.startDate}T00:00:00Z`), 9); d < NOW; d = addDays(d, 42)) {
        groups.push({ planId: p.id, childId: p.childId, heldOn: iso(weekday(d)), chairName: 'Worker', chairRole: 'lead-social-worker', decisions: 'bench', nextIntervalWeeks: 6, createdAt: NOW });
      }
      for (let d = addDays(new Date(`${p.startDate}T00:00:00Z`), 12); d < NOW; d = addDays(d, 14)) {
        visits.push({ planId: p.id, childId: p.childId, visitedOn: iso(weekday(d)), childSeen: true, visitedBy: 'Worker', createdAt: NOW });
      }
    }
    for (let i = 0; i < groups.length; i += 1000) await db.insert(coreGroupMeetings).values(groups.slice(i, i + 1000));
    for (let i = 0; i < visits.length; i += 1000) await db.insert(planVisits).values(visits.slice(i, i + 1000));
  }
}

async function measure(database: DatabaseHandle, label: string): Promise<string[]> {
  await database.migrate();
  await populate(database);
  const period = censusYearPeriod(TODAY);
  let best = Number.POSITIVE_INFINITY;
  let counted = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const report = await indicatorReport(database.db, { period, filter: {}, pack: 'national', today: TODAY });
    best = Math.min(best, performance.now() - started);
    counted = allMeasures(report).reduce((n, m) => n + m.denominator, 0);
  }
  // The census return for the same year: load, check and write the XML (what a service manager waits for).
  let censusBest = Number.POSITIVE_INFINITY;
  let censusChildren = 0;
  let censusErrors = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const result = await exportCensus(database.db, systemContext(NOW), { referenceDate: '2026-03-31', laCode: '999', version: 'bench' });
    censusBest = Math.min(censusBest, performance.now() - started);
    censusChildren = result.children.length;
    censusErrors = result.errors;
  }
  return [
    `kpi-all: ${(best / 1000).toFixed(2)} s to compute KP1–KP10 for a census year, ${PLANS} open plans, ${counted} items counted (${label})`,
    `census-export: ${(censusBest / 1000).toFixed(2)} s to load, check and write the CIN census for ${censusChildren} children, ${censusErrors} errors (${label})`,
  ];
}

export async function run(): Promise<string[]> {
  const lines: string[] = [];
  const lite = await openDatabase({ memory: true });
  try {
    lines.push(...(await measure(lite, 'pglite')));
  } finally {
    await lite.close();
  }
  const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `convene_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    lines.push('kpi-all: PostgreSQL not reachable, not measured (postgres)');
    return lines;
  }
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  try {
    lines.push(...(await measure(database, 'postgres')));
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  return lines;
}
