// `npm run load:profile -- <engine> <username> <path> [requests]` ({case}, {plan}, {conference}, {bookable} in the path): where one signed-in page spends
// its time. Seeds the load run's database (demo authority + 5,000 open plans), signs the user in
// through HTTP (in-process), then loads the page serially with the V8 profiler on. Prints the
// median time per request, the SQL statements one request runs, and the functions of Convene's
// own code that hold the most CPU time; writes the profile (open it in Chrome's DevTools).
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { loadSettings } from '../../src/config.js';
import { childProtectionPlans, users } from '../../src/db/schema/index.js';
import { seedDemo } from '../../src/modules/demo/seed-demo.js';
import { buildApp } from '../../src/web/app.js';
import { addOpenPlans, LOAD_PASSWORD, loadTargets, openTarget } from './fixture.js';

const [engine = 'postgres', username = 'social-worker', pathAsked = '/', countText = '30'] = process.argv.slice(2);
const count = Number(countText);

const { database, drop } = await openTarget(engine);
await database.migrate();
await seedDemo(database.db, { password: LOAD_PASSWORD, dataDir: '/tmp/convene-load-unused', pack: 'national', now: new Date() });
await addOpenPlans(database);
// {case} and {plan} in the path stand for one of the social worker's open plans and its case;
// {conference} and {bookable} for the conferences the load run's conference and booking pages open.
const [worker] = await database.db.select().from(users).where(eq(users.username, 'social-worker'));
const [plan] = await database.db.select().from(childProtectionPlans).where(and(eq(childProtectionPlans.leadSocialWorkerId, worker!.id), isNull(childProtectionPlans.endDate))).limit(1);
const targets = /\{(conference|bookable)\}/.test(pathAsked) ? await loadTargets(database) : null;
const path = pathAsked.replace('{case}', plan!.caseId).replace('{plan}', plan!.id).replace('{conference}', targets?.conferenceId ?? '').replace('{bookable}', targets?.bookableId ?? '');
const settings = loadSettings({ ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', CONVENE_DATA_DIR: '/tmp/convene-load-unused' });
// Every request comes from 127.0.0.1: the per-address limits would measure the limiter, not the page.
const app = await buildApp({ settings, database, logger: false, rateLimits: { signInPerMinute: 1_000_000, apiPerMinute: 1_000_000 } });

const jar = new Map<string, string>();
const remember = (setCookie: string | string[] | undefined) => {
  for (const c of [setCookie ?? []].flat()) {
    const [pair] = c.split(';');
    const at = pair!.indexOf('=');
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
};
const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
const form = await app.inject({ method: 'GET', url: '/sign-in' });
const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
// "-" for an anonymous visitor: no session at all.
if (username !== '-') remember(form.headers['set-cookie']);
const signedIn = username === '-' ? { statusCode: 302, headers: {} as Record<string, string> } : await app.inject({ method: 'POST', url: '/sign-in', headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf, username, password: LOAD_PASSWORD }).toString() });
remember(signedIn.headers['set-cookie']);
if (signedIn.statusCode !== 302) throw new Error(`${username} could not sign in (${signedIn.statusCode})`);

// Count the statements one request runs, by wrapping the driver's query function.
const statements: { text: string; ms: number; params?: unknown[] | undefined }[] = [];
const client = database.db as unknown as { session: { client: { query: (...args: unknown[]) => unknown } } };
const driver = client.session?.client;
if (driver?.query) {
  const original = driver.query.bind(driver);
  driver.query = (...args: unknown[]) => {
    const first = args[0] as string | { text?: string };
    const entry = { text: typeof first === 'string' ? first : (first.text ?? '?'), ms: 0, params: (Array.isArray(args[1]) ? args[1] : typeof first === 'string' ? undefined : (first as { values?: unknown }).values) as unknown[] | undefined };
    statements.push(entry);
    const started = performance.now();
    const answer = original(...args);
    if (answer instanceof Promise) void answer.finally(() => (entry.ms = performance.now() - started)).catch(() => undefined);
    return answer;
  };
}
for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: path, headers: { cookie: cookie() } }); // warm-up
statements.length = 0;
const once = await app.inject({ method: 'GET', url: path, headers: { cookie: cookie() } });
if (once.statusCode !== 200) throw new Error(`${path} answered ${once.statusCode}`);
const perRequest = [...statements];

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
const times: number[] = [];
// CPU time as well as the wall clock: on a shared machine the wall clock counts other work too.
// On PostgreSQL, the server's backends' CPU too (from /proc), so a page's cost in the database is
// counted wherever the time was spent.
const serverBefore = engine === 'pglite' ? new Map<number, number>() : serverCpuMs(await backendPids());
const cpuBefore = process.cpuUsage();
for (let i = 0; i < count; i++) {
  const t = performance.now();
  await app.inject({ method: 'GET', url: path, headers: { cookie: cookie() } });
  times.push(performance.now() - t);
}
const cpu = process.cpuUsage(cpuBefore);
// Per backend, as the pool opens and closes connections: one that ended during the run is not counted.
const serverAfter = engine === 'pglite' ? new Map<number, number>() : serverCpuMs(await backendPids());
const serverMs = [...serverAfter].reduce((t, [pid, ms]) => t + ms - (serverBefore.get(pid) ?? 0), 0);
const serverEnded = [...serverBefore.keys()].filter((pid) => !serverAfter.has(pid)).length;
const { profile } = await session.post('Profiler.stop');
const file = `/tmp/convene-${engine}-${username}.cpuprofile`;
writeFileSync(file, JSON.stringify(profile));
times.sort((a, b) => a - b);
console.log(`${engine} ${username} ${path}: median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms over ${count} requests (${((cpu.user + cpu.system) / 1000 / count).toFixed(1)} ms CPU each, profiler on${engine === 'pglite' ? '' : `, + ${(serverMs / count).toFixed(1)} ms in PostgreSQL's backends${serverEnded ? ` (${serverEnded} ended during the run, not counted)` : ''}`}); ${perRequest.length} SQL statements per request`);
const byText = new Map<string, { n: number; ms: number }>();
const fullText = new Map<string, string>();
for (const s of perRequest) {
  const key = s.text.slice(0, 110);
  const whole = fullText.get(key);
  fullText.set(key, whole === undefined ? s.text : whole.includes(s.text) ? whole : `${whole}\n          AND ${s.text}`);
  const seen = byText.get(key) ?? { n: 0, ms: 0 };
  byText.set(key, { n: seen.n + 1, ms: seen.ms + s.ms });
}
console.log(`  statements by total time (wall clock, ms; overlapping when run together):`);
// PROFILE_STATEMENTS=1 lists every statement, not the ten dearest; PROFILE_STATEMENTS=full prints
// each whole (to find which code sends a statement twice).
for (const [text, { n, ms }] of [...byText].sort((a, b) => b[1].ms - a[1].ms).slice(0, process.env.PROFILE_STATEMENTS ? undefined : 10)) {
  console.log(`  ${ms.toFixed(1).padStart(7)} ${String(n).padStart(4)} × ${process.env.PROFILE_STATEMENTS === 'full' ? fullText.get(text) : text}`);
}

// PROFILE_EXPLAIN=1: the database's own execution time for each statement of one request (PostgreSQL),
// so a page's cost in the database is seen apart from the wall clock of statements run together.
if (process.env.PROFILE_EXPLAIN && driver?.query) {
  const plans: { ms: number; planning: number; text: string; plan: string }[] = [];
  for (const s of perRequest) {
    if (!/^\s*(select|with)/i.test(s.text)) continue;
    const answer = (await driver.query(`explain (analyze, format json) ${s.text}`, s.params)) as { rows: { 'QUERY PLAN': [{ 'Execution Time': number; 'Planning Time': number; Plan: unknown }] }[] };
    const [top] = answer.rows[0]!['QUERY PLAN'];
    plans.push({ ms: top['Execution Time'] + top['Planning Time'], planning: top['Planning Time'], text: s.text.slice(0, 140), plan: JSON.stringify(top.Plan, ["Node Type","Subplan Name","Index Cond","Relation Name","Index Name","Actual Rows","Actual Loops","Actual Total Time","Plans","Filter","Hash Cond","Join Type"]).slice(0, Number(process.env.PROFILE_EXPLAIN_CHARS ?? 900)) });
  }
  plans.sort((a, b) => b.ms - a.ms);
  console.log(`  database time per request (explain analyze, planning + execution): ${plans.reduce((t, p) => t + p.ms, 0).toFixed(1)} ms, of which planning ${plans.reduce((t, p) => t + p.planning, 0).toFixed(1)} ms`);
  // Each statement again on its own, best of three: its whole cost through the driver (on PGlite,
  // which runs on this thread, the engine's time as well as the parsing of its answer).
  const alone: { ms: number; text: string }[] = [];
  for (const s of perRequest) {
    let best = Infinity;
    // A write runs once more (a second audit row is harmless here); a read, best of three.
    for (let i = 0; i < (/^\s*(select|with)/i.test(s.text) ? Number(process.env.PROFILE_REPEAT ?? 3) : 1); i++) {
      const t = performance.now();
      await driver.query(s.text, s.params);
      best = Math.min(best, performance.now() - t);
    }
    alone.push({ ms: best, text: s.text.slice(0, 150) });
  }
  alone.sort((a, b) => b.ms - a.ms);
  console.log(`  statements one at a time through the driver: ${alone.reduce((t, p) => t + p.ms, 0).toFixed(1)} ms`);
  for (const p of alone.slice(0, 15)) console.log(`  ${p.ms.toFixed(2).padStart(7)} ${p.text}`);
  for (const p of plans.slice(0, 12)) console.log(`  ${p.ms.toFixed(2).padStart(7)} (planning ${p.planning.toFixed(2)}) ${p.text}\n          ${p.plan}`);
}

// Inclusive CPU time per function of Convene's own code (src/), each counted once per sample.
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map<string, number>();
let total = 0;
profile.samples!.forEach((id, i) => {
  const dt = profile.timeDeltas![i] ?? 0;
  total += dt;
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const frame = nodes.get(cur)!.callFrame;
    if (!frame.url.includes('/src/')) continue;
    const key = `${frame.functionName || '(module)'} ${frame.url.replace(/.*\/src\//, 'src/')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
  }
});
console.log('  CPU, inclusive, Convene functions:');
for (const [key, t] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${((100 * t) / total).toFixed(1).padStart(5)}% ${key}`);
console.log(`  profile: ${file}`);
await app.close();
await database.close();
await drop();

/** The process ids of this database's PostgreSQL backends (the pool's connections). */
async function backendPids(): Promise<number[]> {
  const answer = (await database.db.execute(sql`select pid from pg_stat_activity where datname = current_database()`)) as unknown as { rows: { pid: number }[] };
  return answer.rows.map((r) => r.pid);
}

/** User + system CPU of each of those processes so far, in ms (clock ticks of 10 ms: count enough requests). */
function serverCpuMs(pids: number[]): Map<number, number> {
  const ms = new Map<number, number>();
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      ms.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // A backend that has gone counts nothing.
    }
  }
  return ms;
}
