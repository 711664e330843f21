/**
 * `npm run crash-test [-- --cycles 50 --engine both|pglite|postgres --writers 4]`
 *
 * Starts the real server (src/main.ts, as `npm start` runs it in development) on an embedded PGlite
 * data folder and on a fresh PostgreSQL database, sends acknowledged writes through HTTP (the
 * administrator adds a partner agency: a form post answered 302 only after its transaction
 * commits) and SIGKILLs the server in the middle of them, cycle after cycle, restarting it each
 * time on the same data. Then it opens the database itself and checks that every write the server
 * acknowledged is there. Prints cycles, acknowledged and lost per engine; exit code 1 if any write
 * was lost or the server failed to come back. A write in flight at the kill was never acknowledged,
 * so whether it landed does not matter.
 *
 * PostgreSQL: TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres) must let it
 * create and drop a database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { like } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { organisations } from '../src/db/schema/index.js';

export type CrashEngine = 'pglite' | 'postgres';
export interface CrashResult { engine: CrashEngine; cycles: number; acknowledged: number; lost: number; lostNames: string[]; restartFailures: number }
export interface CrashOptions { engines: CrashEngine[]; cycles: number; writers?: number; log?: (line: string) => void }

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'crash-test-password-1';
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Browser {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly base: string) {}
  private remember(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1));
    }
  }
  private cookie() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  async get(url: string) {
    const res = await fetch(this.base + url, { headers: { cookie: this.cookie() }, redirect: 'manual' });
    this.remember(res);
    const body = await res.text();
    const m = /name="_csrf" value="([^"]+)"/.exec(body);
    if (m?.[1]) this.csrf = m[1];
    return { status: res.status, body };
  }
  async post(url: string, form: Record<string, string>) {
    const res = await fetch(this.base + url, {
      method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookie() },
      body: new URLSearchParams({ _csrf: this.csrf, ...form }).toString(),
    });
    this.remember(res);
    await res.arrayBuffer();
    return res.status;
  }
}

interface Target { env: Record<string, string>; open: () => ReturnType<typeof openDatabase>; cleanUp: () => Promise<void> }

async function prepare(engine: CrashEngine): Promise<Target> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convene-crash-'));
    return { env: { CONVENE_DATA_DIR: dir }, open: () => openDatabase({ dataDir: dir }), cleanUp: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `convene_crash_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), CONVENE_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'convene-crash-pg-')) },
    open: () => openDatabase({ url: url.toString() }),
    cleanUp: async () => {
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export function startServer(env: Record<string, string>, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', '--no-warnings=ExperimentalWarning', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(),
      NODE_ENV: 'development', LOG_LEVEL: 'error', HOST: '127.0.0.1', PORT: String(port),
      // The same secret every start, so the signed-in cookie outlives the kills.
      SESSION_SECRET: 'crash-test-session-secret-0123456789abcdef', CONVENE_DEMO_PASSWORD: PASSWORD,
      CONVENE_ENCRYPTION_KEY: 'cd'.repeat(32), ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

export async function waitHealthy(base: string, child: ChildProcess, timeoutMs = 120_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      if ((await fetch(`${base}/health`)).status === 200) return true;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return false;
}

export function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

async function crashEngine(engine: CrashEngine, cycles: number, writers: number, log: (line: string) => void): Promise<CrashResult> {
  const target = await prepare(engine);
  const acknowledged: string[] = [];
  let restartFailures = 0;
  let browser: Browser | null = null;
  let stderr = '';
  try {
    for (let cycle = 1; cycle <= cycles; cycle++) {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const child = startServer(target.env, port);
      child.stderr?.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4000)));
      if (!(await waitHealthy(base, child))) {
        restartFailures += 1;
        log(`  ${engine} cycle ${cycle}: the server did not come back. ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
        await killed(child);
        continue;
      }
      const signedIn: Browser = browser ? Object.assign(new Browser(base), { cookies: browser.cookies, csrf: browser.csrf }) : new Browser(base);
      if (!browser) {
        await signedIn.get('/sign-in');
        const status = await signedIn.post('/sign-in', { username: 'administrator', password: PASSWORD });
        if (status !== 302) throw new Error(`signing in as the demo administrator answered ${status}`);
      }
      await signedIn.get('/agencies');
      browser = signedIn;

      // Writers post until the kill; the kill comes at a random moment while they write, once
      // this start has acknowledged a first write (so a slow machine still tests something).
      let stop = false;
      let sent = 0;
      let firstAck: () => void = () => undefined;
      const acked = new Promise<void>((resolve) => (firstAck = resolve));
      const writer = async (w: number) => {
        for (let n = 0; !stop; n++) {
          const name = `Crash agency ${engine} c${cycle} w${w} n${n}`;
          sent += 1;
          try {
            const status = await signedIn.post('/agencies', { name, kind: 'health' });
            if (status === 302) {
              acknowledged.push(name);
              firstAck();
            }
            else if (status !== 503) throw new Error(`adding an agency answered ${status}`);
          } catch (error) {
            if (error instanceof Error && error.message.startsWith('adding an agency')) throw error;
            return; // the connection died with the server: this write was not acknowledged
          }
        }
      };
      const running = Array.from({ length: writers }, (_, w) => writer(w));
      await Promise.race([acked, sleep(60_000)]);
      await sleep(Math.floor(Math.random() * 700));
      await killed(child);
      stop = true;
      await Promise.all(running);
      if (cycle % 10 === 0 || cycle === cycles) log(`  ${engine}: ${cycle} of ${cycles} cycles, ${acknowledged.length} acknowledged writes so far (${sent} sent this cycle)`);
    }

    // Every acknowledged write must be in the database, opened afresh after the last kill.
    const database = await target.open();
    let present: Set<string>;
    try {
      present = new Set((await database.db.select({ name: organisations.name }).from(organisations).where(like(organisations.name, `Crash agency ${engine} %`))).map((r) => r.name));
    } finally {
      await database.close();
    }
    const lostNames = acknowledged.filter((n) => !present.has(n));
    return { engine, cycles, acknowledged: acknowledged.length, lost: lostNames.length, lostNames, restartFailures };
  } finally {
    await target.cleanUp();
  }
}

export async function runCrashTest(options: CrashOptions): Promise<CrashResult[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const results: CrashResult[] = [];
  for (const engine of options.engines) {
    const started = Date.now();
    log(`${engine}: ${options.cycles} cycles of writes and SIGKILL…`);
    const result = await crashEngine(engine, options.cycles, options.writers ?? 4, log);
    results.push(result);
    log(`${engine}: cycles ${result.cycles}, acknowledged ${result.acknowledged}, lost ${result.lost}${result.restartFailures ? `, failed restarts ${result.restartFailures}` : ''} (${Math.round((Date.now() - started) / 1000)} s)`);
    for (const name of result.lostNames.slice(0, 10)) log(`  lost: ${name}`);
  }
  return results;
}

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const engineArg = argument('engine', 'both');
  const engines: CrashEngine[] = engineArg === 'both' ? ['pglite', 'postgres'] : [engineArg as CrashEngine];
  if (!engines.every((e) => e === 'pglite' || e === 'postgres')) {
    console.error('--engine must be pglite, postgres or both');
    process.exit(2);
  }
  const cycles = Number(argument('cycles', '50'));
  runCrashTest({ engines, cycles, writers: Number(argument('writers', '4')) })
    .then((results) => {
      console.log('\nengine     cycles  acknowledged  lost');
      for (const r of results) console.log(`${r.engine.padEnd(10)} ${String(r.cycles).padStart(6)}  ${String(r.acknowledged).padStart(12)}  ${String(r.lost).padStart(4)}`);
      process.exit(results.some((r) => r.lost > 0 || r.restartFailures > 0 || r.acknowledged === 0) ? 1 : 0);
    })
    .catch((error: unknown) => {
      console.error('crash test failed:', error);
      process.exit(1);
    });
}
