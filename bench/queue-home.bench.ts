// How long a person waits for their home page with 5,000 open plans in the database, measured on
// PGlite and (when reachable) PostgreSQL: through HTTP on a loopback port, signed in with a
// session, the queue computed (every deadline on read) and the page rendered, one request at a
// time. Calling queueForRole alone skipped the session, the template and the response, which
// were most of the time a person waits.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/db/client.js';
import { cases, childProtectionPlans, conferences, organisations, people, users } from '../src/db/schema/index.js';
import { loadSettings } from '../src/config.js';
import { hashPassword } from '../src/modules/accounts/passwords.js';
import type { RoleId } from '../src/policies/roles.js';
import { buildApp } from '../src/web/app.js';

const PLANS = 5000;
const WORKERS = 50;
const RUNS = 40;
const NOW = new Date('2026-03-02T10:00:00Z');
const PASSWORD = 'bench-password-1';

async function populate(database: DatabaseHandle) {
  const db = database.db;
  const passwordHash = await hashPassword(PASSWORD);
  const [org] = await db.insert(organisations).values({ name: 'Bench Authority', kind: 'local-authority' }).returning();
  const mk = (role: RoleId, i: number) => ({ username: `${role}-${i}`, displayName: `${role} ${i}`, organisationId: org!.id, roles: [role], passwordHash });
  const workers = await db.insert(users).values(Array.from({ length: WORKERS }, (_, i) => mk('social-worker', i))).returning();
  const others = await db.insert(users).values([mk('business-support', 0), mk('service-manager', 0), mk('team-manager', 0), mk('chair', 0)]).returning();
  // One team manager over every case: the worst case for the missed-visit (CG3) section.
  const manager = others.find((u) => u.roles.includes('team-manager'))!;
  for (let start = 0; start < PLANS; start += 500) {
    const n = Math.min(500, PLANS - start);
    const kids = await db
      .insert(people)
      .values(Array.from({ length: n }, (_, i) => ({ kind: 'child', givenNames: 'Bench', familyName: `Child${start + i}`, dateOfBirth: `20${String(8 + ((start + i) % 10)).padStart(2, '0')}-0${1 + ((start + i) % 9)}-15`, sex: 'F' })))
      .returning({ id: people.id });
    const caseRows = await db
      .insert(cases)
      .values(kids.map((k, i) => ({ childId: k.id, organisationId: org!.id, openedOn: '2025-06-01', socialWorkerId: workers[(start + i) % WORKERS]!.id, teamManagerId: manager.id })))
      .returning({ id: cases.id, childId: cases.childId });
    await db.insert(childProtectionPlans).values(
      caseRows.map((c, i) => ({
        caseId: c.id, childId: c.childId, startDate: `2025-${String(1 + ((start + i) % 12)).padStart(2, '0')}-10`,
        initialCategories: ['NEG'], latestCategories: ['NEG'], leadSocialWorkerId: workers[(start + i) % WORKERS]!.id, visitFrequencyWeeks: 2,
      })),
    );
  }
  await db.insert(conferences).values(
    Array.from({ length: 40 }, (_, i) => ({ kind: 'initial', status: i % 2 ? 'requested' : 'awaiting-authorisation', pack: 'national', dueRuleId: 'TS1', dueFromDate: '2026-02-20', dueDate: '2026-03-13' })),
  );
  return [workers[0]!, ...others];
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95) - 1] ?? sorted[sorted.length - 1] ?? 0;
}

function cookiesOf(response: Response, jar: Map<string, string>): void {
  for (const c of response.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const at = pair!.indexOf('=');
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}

async function signIn(base: string, username: string): Promise<string> {
  const jar = new Map<string, string>();
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const form = await fetch(`${base}/sign-in`);
  cookiesOf(form, jar);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const done = await fetch(`${base}/sign-in`, {
    method: 'POST', redirect: 'manual',
    headers: { cookie: header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, username, password: PASSWORD }).toString(),
  });
  cookiesOf(done, jar);
  if (done.status !== 302) throw new Error(`${username} could not sign in (${done.status})`);
  return header();
}

async function measure(database: DatabaseHandle, label: string): Promise<string> {
  await database.migrate();
  const who = await populate(database);
  const settings = loadSettings({ NODE_ENV: 'development', LOG_LEVEL: 'silent', CONVENE_DATA_DIR: '/tmp/convene-bench-unused' });
  const app = await buildApp({ settings, database, clock: () => NOW, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const cookies = await Promise.all(who.map((u) => signIn(base, u.username)));
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      for (const cookie of cookies) {
        const started = performance.now();
        const page = await fetch(`${base}/`, { headers: { cookie } });
        const body = await page.text();
        if (page.status !== 200 || !body.includes('Your work')) throw new Error(`the home page answered ${page.status}`);
        if (run > 2) samples.push(performance.now() - started);
      }
    }
    return `queue-home: ${p95(samples).toFixed(1)} ms p95 for the home page through HTTP (session, queue, rendering) at ${PLANS} plans (${label})`;
  } finally {
    await app.close();
  }
}

export async function run(): Promise<string[]> {
  const lines: string[] = [];
  const lite = await openDatabase({ memory: true });
  try {
    lines.push(await measure(lite, 'pglite'));
  } finally {
    await lite.close();
  }
  const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `convene_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    lines.push('queue-home: PostgreSQL not reachable, not measured (postgres)');
    return lines;
  }
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  try {
    lines.push(await measure(database, 'postgres'));
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  return lines;
}
